using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class HistoryTests
{
    [Fact]
    public async Task The_trail_shows_every_element_entered_and_left_in_order()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" name="发起" /><userTask id="review" name="审核" /><endEvent id="end" name="结束" />
            """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end")));
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "review", user: "zhao");

        var trail = (await kx.GetAsync(instance.Id)).History
            .Where(h => h.Kind is not HistoryKind.VariableSet)
            .Select(h => $"{h.Kind}:{h.ElementName}").ToList();
        trail.Should().Equal(
            "InstanceStarted:", "ElementEntered:发起", "ElementLeft:发起", "ElementEntered:审核", "TaskCreated:审核",
            "TaskCompleted:审核", "ElementLeft:审核", "ElementEntered:结束", "ElementLeft:结束", "InstanceCompleted:");
    }

    [Fact]
    public async Task Cancelling_an_instance_cancels_its_tasks_and_keeps_the_reason()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """<startEvent id="start" /><userTask id="review" />""" + Bpmn.Flow("f1", "start", "review")));
        var instance = await kx.StartAsync(key);
        var task = await kx.OpenTaskAsync(instance.Id, "review");

        await kx.Engine.CancelAsync(instance.Id, "admin", "申报单位撤回");

        var after = await kx.GetAsync(instance.Id);
        after.Status.Should().Be(InstanceStatus.Cancelled);
        after.History.Should().Contain(h => h.Kind == HistoryKind.InstanceCancelled && h.Comment == "申报单位撤回" && h.UserId == "admin");
        (await kx.Engine.Queries.GetTaskAsync(task.Id)).State.Should().Be(UserTaskState.Cancelled);
        var completeAnyway = () => kx.Engine.CompleteTaskAsync(task.Id, "approver1");
        (await completeAnyway.Should().ThrowAsync<WorkflowConflictException>()).Which.Code.Should().Be("task-cancelled");
    }
}
