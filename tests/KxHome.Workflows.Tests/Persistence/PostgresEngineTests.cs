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

    private static readonly string JobFlow = Bpmn.Process("jobs", """
        <startEvent id="start" />
        <serviceTask id="record" camunda:type="external" camunda:topic="record" />
        <endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "record") + Bpmn.Flow("f2", "record", "end"));

    private async Task<TestEngine> EngineAsync(string? database = null, params IServiceTaskHandler[] handlers) =>
        await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Workflows:Provider"] = "Postgres",
            ["Workflows:ConnectionString"] = database ?? await postgres.Server.NewDatabaseAsync(),
        }, handlers.Length > 0 ? handlers : [new RecordingHandler("record")]);

    [Fact]
    public async Task A_case_runs_from_start_to_end_with_its_inbox_history_and_job_on_PostgreSQL()
    {
        await using var kx = await EngineAsync();
        var key = await kx.DeployAsync(Flow);

        var instance = await kx.StartAsync(key, new { homeName = "嘉定之家" }, businessKey: "JD-1");
        (await kx.Engine.Queries.InboxAsync("someone", ["applicant"], null, 0, 10)).Should().ContainSingle(t => t.ElementId == "submit");
        await kx.CompleteAsync(instance.Id, "submit", new { count = 3 }, user: "applicant1");
        var review = (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { BusinessKey = "JD-1" })).Single(t => t.State == UserTaskState.Open);
        review.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(7));
        await kx.Engine.UrgeTaskAsync(review.Id, "applicant1", "请尽快", TimeSpan.FromHours(1));
        await kx.CompleteAsync(instance.Id, "review", new { approved = true }, user: "district1");
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(1);

        var done = await kx.GetAsync(instance.Id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.Variables["homeName"]!.GetValue<string>().Should().Be("嘉定之家");
        done.History.Select(h => h.Kind).Should().ContainInOrder(HistoryKind.InstanceStarted, HistoryKind.TaskCompleted,
            HistoryKind.TaskUrged, HistoryKind.TaskCompleted, HistoryKind.InstanceCompleted);
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { CompletedBy = "district1", State = UserTaskState.Completed })).Should().ContainSingle(t => t.ElementId == "review");
        (await kx.Engine.Queries.PendingNoticesAsync()).Should().Contain(n => n.Kind == NoticeKind.TaskUrged);
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
            (await second.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, State = UserTaskState.Open }))
                .Should().ContainSingle(t => t.ElementId == "review");
        }
    }

    [Fact]
    public async Task Two_hosts_sharing_the_jobs_run_each_job_once_on_PostgreSQL()
    {
        var database = await postgres.Server.NewDatabaseAsync();
        await using var starter = await EngineAsync(database, new RecordingHandler("other")); // leaves "record" jobs unlocked
        var (firstHandler, secondHandler) = (new RecordingHandler("record"), new RecordingHandler("record"));
        await using var first = await EngineAsync(database, firstHandler);
        await using var second = await EngineAsync(database, secondHandler);
        var key = await starter.DeployAsync(JobFlow);
        for (var i = 0; i < 100; i++) await starter.StartAsync(key);

        for (var round = 0; round < 50; round++)
        {
            var ran = await Task.WhenAll(Task.Run(() => first.Engine.ExecuteDueJobsAsync(1_000)), Task.Run(() => second.Engine.ExecuteDueJobsAsync(1_000)));
            if (ran.Sum() == 0) break;
        }

        firstHandler.Calls.Concat(secondHandler.Calls).Select(c => c.JobId).Should().OnlyHaveUniqueItems().And.HaveCount(100);
        (await starter.Engine.Queries.QueryInstancesAsync(new InstanceQuery { Status = InstanceStatus.Completed, Take = 1_000 }))
            .Should().HaveCount(100, "every case went on once its job ran");
    }

    [Fact]
    public async Task Two_hosts_reading_one_outbox_claim_each_notice_once_on_PostgreSQL()
    {
        var database = await postgres.Server.NewDatabaseAsync();
        await using var first = await EngineAsync(database);
        await using var second = await EngineAsync(database);
        var key = await first.DeployAsync(Flow);
        for (var i = 0; i < 30; i++) await first.StartAsync(key); // each opens a task, and its notice to the candidates
        var pending = await first.Engine.Queries.PendingNoticesAsync(500);
        pending.Should().HaveCount(30);

        var claimed = await Task.WhenAll(new[] { first, second }.Select(host => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            foreach (var notice in pending)
            {
                if (await host.Engine.ClaimNoticeAsync(notice.Id, TimeSpan.FromMinutes(5))) mine.Add(notice.Id);
            }
            return mine;
        })));

        claimed.SelectMany(c => c).Should().BeEquivalentTo(pending.Select(n => n.Id), "each notice goes to exactly one host");
        (await second.Engine.Queries.PendingNoticesAsync(500)).Should().BeEmpty("a claimed notice is left to its host");
        second.Clock.Advance(TimeSpan.FromMinutes(6));
        (await second.Engine.Queries.PendingNoticesAsync(500)).Should().HaveCount(30, "a host that stopped before sending leaves its notices to the others");
    }

    [Fact]
    public async Task Timers_messages_and_signals_wait_and_fire_on_PostgreSQL()
    {
        await using var kx = await EngineAsync();
        var key = await kx.DeployAsync(Execution.EventGatewayTests.Flow);
        var (byMessage, bySignal, alsoBySignal) = (await kx.StartAsync(key, businessKey: "M"), await kx.StartAsync(key, businessKey: "S1"),
            await kx.StartAsync(key, businessKey: "S2"));
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery())).Should().HaveCount(3);

        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("补充材料") { BusinessKey = "M" });
        (await kx.Engine.BroadcastSignalAsync("政策调整")).InstanceIds.Should().BeEquivalentTo([bySignal.Id, alsoBySignal.Id]);
        var byTimer = await kx.StartAsync(key, businessKey: "T"); // the signal has gone: its timer wins, 30 days on
        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        (await kx.GetAsync(byMessage.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("review");
        (await kx.GetAsync(bySignal.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("restart");
        (await kx.GetAsync(alsoBySignal.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("restart");
        (await kx.GetAsync(byTimer.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("close");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery())).Should().BeEmpty("the race's losers are withdrawn and the last timer fired");
    }
}
