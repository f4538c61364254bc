using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Persistence;

public class ConcurrencyTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><userTask id="review" /><userTask id="next" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "next") + Bpmn.Flow("f3", "next", "end"));

    [Fact]
    public async Task Two_concurrent_completions_of_one_task_give_one_success_and_one_clear_conflict()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        for (var round = 0; round < 10; round++)
        {
            var instance = await kx.StartAsync(key);
            var task = await kx.OpenTaskAsync(instance.Id, "review");
            using var gate = new Barrier(2);

            var attempts = new[] { "zhang", "li" }.Select(user => Task.Run(async () =>
            {
                gate.SignalAndWait();
                await kx.Engine.CompleteTaskAsync(task.Id, user, new Dictionary<string, object?> { ["by"] = user });
            })).ToArray();
            var outcomes = await Task.WhenAll(attempts.Select(async a =>
            {
                try { await a; return (Exception?)null; }
                catch (Exception ex) { return ex; }
            }));

            outcomes.Count(o => o is null).Should().Be(1);
            var conflict = outcomes.Single(o => o is not null).Should().BeOfType<WorkflowConflictException>().Subject;
            conflict.Code.Should().Be("task-already-completed");
            conflict.Message.Should().Contain("已由");
            var after = await kx.GetAsync(instance.Id);
            after.History.Count(h => h.Kind == HistoryKind.TaskCompleted).Should().Be(1);
            (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).Should().ContainSingle(t => t.ElementId == "next");
        }
    }

    [Fact]
    public async Task Two_engines_on_one_database_file_never_double_step_an_instance()
    {
        await using var kx = await TestEngine.StartAsync();
        await using var second = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Workflows:ConnectionString"] = kx.ConnectionString });
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        var task = await kx.OpenTaskAsync(instance.Id, "review");
        using var gate = new Barrier(2);

        var results = await Task.WhenAll(new[] { kx.Engine, second.Engine }.Select(engine => Task.Run(async () =>
        {
            gate.SignalAndWait();
            try
            {
                await engine.CompleteTaskAsync(task.Id, "zhang");
                return "ok";
            }
            catch (WorkflowConflictException ex)
            {
                return ex.Code;
            }
        })));

        results.Should().BeEquivalentTo("ok", "task-already-completed");
        (await second.Engine.Queries.GetInstanceAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("next");
    }

    [Fact]
    public async Task A_refused_completion_leaves_nothing_half_saved()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><userTask id="review" /><userTask id="next" camunda:priority="${notANumber}" />
            """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "next")));
        var instance = await kx.StartAsync(key);
        var task = await kx.OpenTaskAsync(instance.Id, "review");
        await kx.Engine.ClaimAsync(task.Id, "zhang");
        var before = await kx.GetAsync(instance.Id);

        var act = () => kx.Engine.CompleteTaskAsync(task.Id, "li", new Dictionary<string, object?> { ["x"] = 1 });

        await act.Should().ThrowAsync<WorkflowException>();
        var after = await kx.GetAsync(instance.Id);
        after.History.Should().HaveCount(before.History.Count);
        after.Variables.Should().NotContainKey("x");
        (await kx.Engine.Queries.GetTaskAsync(task.Id)).State.Should().Be(UserTaskState.Open);
    }

    [Fact]
    public async Task An_engine_never_steps_on_a_state_another_engine_has_changed_since()
    {
        await using var kx = await TestEngine.StartAsync();
        await using var other = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Workflows:ConnectionString"] = kx.ConnectionString });
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><userTask id="t1" /><userTask id="t2" /><userTask id="t3" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "t1") + Bpmn.Flow("f2", "t1", "t2") + Bpmn.Flow("f3", "t2", "t3") + Bpmn.Flow("f4", "t3", "end")));
        var instance = await kx.StartAsync(key);
        await kx.CompleteAsync(instance.Id, "t1"); // this engine now holds the state it wrote

        var t2 = (await other.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).Single();
        await other.Engine.CompleteTaskAsync(t2.Id, "li", new Dictionary<string, object?> { ["opinion"] = "同意" });
        await kx.CompleteAsync(instance.Id, "t3");

        var after = await kx.GetAsync(instance.Id);
        after.Status.Should().Be(InstanceStatus.Completed);
        after.Variables["opinion"]!.GetValue<string>().Should().Be("同意");
    }
}
