using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class TerminateEndEventTests
{
    [Fact]
    public async Task Terminating_the_process_cancels_the_open_task_on_the_other_branch()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><parallelGateway id="fork" /><userTask id="a" /><userTask id="b" />
            <endEvent id="stop"><terminateEventDefinition /></endEvent><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "fork") + Bpmn.Flow("f2", "fork", "a") + Bpmn.Flow("f3", "fork", "b")
                + Bpmn.Flow("f4", "a", "stop") + Bpmn.Flow("f5", "b", "end")));
        var instance = await kx.StartAsync(key);
        var other = await kx.OpenTaskAsync(instance.Id, "b");

        await kx.CompleteAsync(instance.Id, "a");

        var after = await kx.GetAsync(instance.Id);
        after.Status.Should().Be(InstanceStatus.Completed);
        (await kx.Engine.Queries.GetTaskAsync(other.Id)).State.Should().Be(UserTaskState.Cancelled);
        after.History.Should().Contain(h => h.Kind == HistoryKind.TaskCancelled && h.TaskId == other.Id);
    }

    [Fact]
    public async Task Terminating_inside_a_sub_process_ends_only_the_sub_process()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" />
            <subProcess id="sub">
              <startEvent id="s_start" /><parallelGateway id="s_fork" /><userTask id="s_a" /><userTask id="s_b" />
              <endEvent id="s_stop"><terminateEventDefinition /></endEvent><endEvent id="s_end" />
            """ + Bpmn.Flow("s1", "s_start", "s_fork") + Bpmn.Flow("s2", "s_fork", "s_a") + Bpmn.Flow("s3", "s_fork", "s_b")
                + Bpmn.Flow("s4", "s_a", "s_stop") + Bpmn.Flow("s5", "s_b", "s_end") + """
            </subProcess>
            <userTask id="after" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "sub") + Bpmn.Flow("f2", "sub", "after") + Bpmn.Flow("f3", "after", "end")));
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "s_a");

        var after = await kx.GetAsync(instance.Id);
        after.Status.Should().Be(InstanceStatus.Active);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("after");
    }
}
