using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Persistence;

/// <summary>One PostgreSQL server of its own for the tests of this class; each test gets a database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The engine on PostgreSQL (<c>Workflows:Provider=Postgres</c>): its migrations, its SQL and several writers.</summary>
public class PostgresEngineTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <userTask id="submit" name="填写" camunda:candidateGroups="applicant" />
        <userTask id="review" name="审核" camunda:candidateGroups="district" camunda:dueDate="P7D" />
        <serviceTask id="record" camunda:type="external" camunda:topic="record" />
        <endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "submit") + Bpmn.Flow("f2", "submit", "review") + Bpmn.Flow("f3", "review", "record")
        + Bpmn.Flow("f4", "record", "end"));

    private async Task<TestEngine> EngineAsync(string? database = null) =>
        await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Workflows:Provider"] = "Postgres",
            ["Workflows:ConnectionString"] = database ?? await postgres.Server.NewDatabaseAsync(),
        }, new RecordingHandler("record"));

    [Fact]
    public async Task A_case_runs_from_start_to_end_with_its_inbox_history_and_job_on_PostgreSQL()
    {
        await using var kx = await EngineAsync();
        var key = await kx.DeployAsync(Flow);

        var instance = await kx.StartAsync(key, new { homeName = "嘉定之家" }, businessKey: "JD-1");
        (await kx.Engine.InboxAsync("someone", ["applicant"], null, 0, 10)).Should().ContainSingle(t => t.ElementId == "submit");
        await kx.CompleteAsync(instance.Id, "submit", new { count = 3 }, user: "applicant1");
        var review = (await kx.Engine.QueryTasksAsync(new TaskQuery { BusinessKey = "JD-1" })).Single(t => t.State == UserTaskState.Open);
        review.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(7));
        await kx.Engine.UrgeTaskAsync(review.Id, "applicant1", "请尽快", TimeSpan.FromHours(1));
        await kx.CompleteAsync(instance.Id, "review", new { approved = true }, user: "district1");
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(1);

        var done = await kx.GetAsync(instance.Id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.Variables["homeName"]!.GetValue<string>().Should().Be("嘉定之家");
        done.History.Select(h => h.Kind).Should().ContainInOrder(HistoryKind.InstanceStarted, HistoryKind.TaskCompleted,
            HistoryKind.TaskUrged, HistoryKind.TaskCompleted, HistoryKind.InstanceCompleted);
        (await kx.Engine.QueryTasksAsync(new TaskQuery { CompletedBy = "district1", State = UserTaskState.Completed })).Should().ContainSingle(t => t.ElementId == "review");
        (await kx.Engine.PendingNoticesAsync()).Should().Contain(n => n.Kind == NoticeKind.TaskUrged);
    }

    [Fact]
    public async Task Two_hosts_completing_one_task_give_one_success_and_one_clear_conflict_on_PostgreSQL()
    {
        var database = await postgres.Server.NewDatabaseAsync();
        await using var first = await EngineAsync(database);
        await using var second = await EngineAsync(database);
        var key = await first.DeployAsync(Flow);
        for (var round = 0; round < 20; round++)
        {
            var instance = await first.StartAsync(key);
            var task = await first.OpenTaskAsync(instance.Id, "submit");
            using var gate = new Barrier(2);

            var outcomes = await Task.WhenAll(new[] { (first, "zhang"), (second, "li") }.Select(host => Task.Run(async () =>
            {
                gate.SignalAndWait();
                try
                {
                    await host.Item1.Engine.CompleteTaskAsync(task.Id, host.Item2, new Dictionary<string, object?>());
                    return (Exception?)null;
                }
                catch (Exception ex)
                {
                    return ex;
                }
            })));

            outcomes.Count(o => o is null).Should().Be(1, "one host completes the task");
            var refused = outcomes.Single(o => o is not null);
            refused.Should().BeOfType<WorkflowConflictException>(refused?.ToString()).Which.Code.Should().Be("task-already-completed");
            var after = await second.GetAsync(instance.Id);
            after.History.Count(h => h.Kind == HistoryKind.TaskCompleted).Should().Be(1);
            (await second.Engine.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, State = UserTaskState.Open }))
                .Should().ContainSingle(t => t.ElementId == "review");
        }
    }
}
