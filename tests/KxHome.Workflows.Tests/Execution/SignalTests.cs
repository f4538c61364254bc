using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class SignalTests
{
    private static string WithSignal(string process) =>
        process.Replace("</definitions>", """<signal id="policyChanged" name="政策调整" /></definitions>""");

    // Cases that wait for the policy to change: at a catch event, or at a task with a boundary event.
    private static readonly string Waiting = WithSignal(Bpmn.Process("waiting", """
        <startEvent id="start" />
        <intermediateCatchEvent id="wait" name="等待政策调整"><signalEventDefinition signalRef="policyChanged" /></intermediateCatchEvent>
        <userTask id="recheck" name="按新政策复核" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "recheck") + Bpmn.Flow("f3", "recheck", "end")));

    private static readonly string Interrupted = WithSignal(Bpmn.Process("interrupted", """
        <startEvent id="start" />
        <userTask id="review" name="审核" />
        <boundaryEvent id="onChange" attachedToRef="review"><signalEventDefinition signalRef="policyChanged" /></boundaryEvent>
        <userTask id="restart" name="按新政策重新申报" /><endEvent id="end" /><endEvent id="end2" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end") + Bpmn.Flow("f3", "onChange", "restart")
        + Bpmn.Flow("f4", "restart", "end2")));

    private static readonly string Started = WithSignal(Bpmn.Process("started", """
        <startEvent id="onChange"><signalEventDefinition signalRef="policyChanged" /></startEvent>
        <userTask id="notify" name="通知各之家" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "onChange", "notify") + Bpmn.Flow("f2", "notify", "end")));

    [Fact]
    public async Task A_broadcast_signal_reaches_every_waiting_case_and_starts_the_flows_it_starts()
    {
        await using var kx = await TestEngine.StartAsync();
        var waiting = await kx.DeployAsync(Waiting);
        var interrupted = await kx.DeployAsync(Interrupted);
        await kx.DeployAsync(Started);
        var first = await kx.StartAsync(waiting);
        var second = await kx.StartAsync(waiting);
        var third = await kx.StartAsync(interrupted);

        var result = await kx.Engine.BroadcastSignalAsync("政策调整", new Dictionary<string, object?> { ["policy"] = "2026 版" }, "admin");

        result.InstanceIds.Should().BeEquivalentTo([first.Id, second.Id, third.Id]);
        var newCase = result.StartedInstanceIds.Should().ContainSingle().Subject;
        (await kx.GetAsync(first.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("recheck");
        (await kx.GetAsync(second.Id)).Variables["policy"]!.GetValue<string>().Should().Be("2026 版");
        (await kx.GetAsync(third.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("restart");
        (await kx.GetAsync(newCase)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("notify");
        (await kx.Engine.BroadcastSignalAsync("政策调整")).InstanceIds.Should().BeEmpty("the cases no longer wait");
    }

    [Fact]
    public async Task A_signal_thrown_by_one_case_reaches_the_others_in_the_same_step()
    {
        await using var kx = await TestEngine.StartAsync();
        var waiting = await kx.DeployAsync(Waiting);
        var thrower = await kx.DeployAsync(WithSignal(Bpmn.Process("thrower", """
            <startEvent id="start" /><userTask id="decide" name="决定调整政策" />
            <intermediateThrowEvent id="announce"><signalEventDefinition signalRef="policyChanged" /></intermediateThrowEvent>
            <endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "decide") + Bpmn.Flow("f2", "decide", "announce") + Bpmn.Flow("f3", "announce", "end"))));
        var listener = await kx.StartAsync(waiting);
        var announcer = await kx.StartAsync(thrower);

        await kx.CompleteAsync(announcer.Id, "decide");

        (await kx.GetAsync(announcer.Id)).Status.Should().Be(InstanceStatus.Completed);
        var heard = await kx.GetAsync(listener.Id);
        heard.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("recheck");
        heard.History.Should().Contain(h => h.Kind == HistoryKind.SignalReceived && h.ElementId == "wait");
    }

    [Fact]
    public async Task A_non_interrupting_signal_boundary_event_leaves_the_task_open_and_can_fire_again()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Interrupted.Replace("""attachedToRef="review">""", """attachedToRef="review" cancelActivity="false">"""));
        var instance = await kx.StartAsync(key);

        await kx.Engine.BroadcastSignalAsync("政策调整");
        await kx.Engine.BroadcastSignalAsync("政策调整");

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["review", "restart", "restart"]);
    }

    [Fact]
    public async Task A_message_of_the_same_name_does_not_reach_a_signal_catch()
    {
        await using var kx = await TestEngine.StartAsync();
        var instance = await kx.StartAsync(await kx.DeployAsync(Waiting));

        await FluentActions.Awaiting(() => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("政策调整")))
            .Should().ThrowAsync<WorkflowNotFoundException>();

        (await kx.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("wait");
    }

    [Fact]
    public async Task A_signal_that_keeps_starting_cases_that_throw_it_again_is_refused_and_nothing_is_saved()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(WithSignal(Bpmn.Process("echo", """
            <startEvent id="heard"><signalEventDefinition signalRef="policyChanged" /></startEvent>
            <intermediateThrowEvent id="again"><signalEventDefinition signalRef="policyChanged" /></intermediateThrowEvent>
            <endEvent id="end" />
            """ + Bpmn.Flow("f1", "heard", "again") + Bpmn.Flow("f2", "again", "end"))));

        var refusal = await FluentActions.Awaiting(() => kx.Engine.BroadcastSignalAsync("政策调整")).Should().ThrowAsync<WorkflowException>();

        refusal.Which.Code.Should().Be("signal-loop");
        (await kx.Engine.Queries.QueryInstancesAsync(new InstanceQuery())).Should().BeEmpty();
    }
}
