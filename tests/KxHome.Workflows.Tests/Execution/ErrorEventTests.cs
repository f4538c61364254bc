using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ErrorEventTests
{
    private const string Errors = """
        <error id="incomplete" name="材料不全" errorCode="MATERIALS_INCOMPLETE" />
        <error id="other" errorCode="OTHER" />
        """;

    private static string WithErrors(string process) => process.Replace("</definitions>", Errors + "</definitions>");

    // A sub-process whose check can end in an error; boundary events on the sub-process decide where the case goes.
    private static string Review(string boundaries) => WithErrors(Bpmn.Process("p", $"""
        <startEvent id="start" />
        <subProcess id="review" name="材料审查">
          <startEvent id="s1" />
          <exclusiveGateway id="complete" default="ok" />
          <endEvent id="fail" name="材料不全"><errorEventDefinition errorRef="incomplete" /></endEvent>
          <endEvent id="e1" />
          {Bpmn.Flow("a", "s1", "complete")}
          {Bpmn.Flow("bad", "complete", "fail", "${!materialsComplete}")}
          {Bpmn.Flow("ok", "complete", "e1")}
        </subProcess>
        {boundaries}
        <userTask id="approve" name="审批" /><userTask id="correct" name="补正材料" />
        <endEvent id="end" /><endEvent id="end2" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "approve") + Bpmn.Flow("f3", "approve", "end")
            + Bpmn.Flow("f5", "correct", "end2")));

    [Fact]
    public async Task An_error_end_event_in_a_sub_process_is_caught_by_the_boundary_event_with_its_code()
    {
        var flow = Review("""
            <boundaryEvent id="onOther" attachedToRef="review"><errorEventDefinition errorRef="other" /></boundaryEvent>
            <boundaryEvent id="onIncomplete" attachedToRef="review">
              <errorEventDefinition errorRef="incomplete" camunda:errorCodeVariable="reason" />
            </boundaryEvent>
            """ + Bpmn.Flow("f4", "onIncomplete", "correct") + Bpmn.Flow("f6", "onOther", "approve"));
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(flow);

        var failed = await kx.StartAsync(key, new { materialsComplete = false });
        var passed = await kx.StartAsync(key, new { materialsComplete = true });

        failed.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("correct");
        failed.Variables["reason"]!.GetValue<string>().Should().Be("MATERIALS_INCOMPLETE");
        failed.History.Should().Contain(h => h.Kind == HistoryKind.ErrorThrown && h.ElementId == "onIncomplete");
        passed.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("approve");
    }

    [Fact]
    public async Task A_boundary_event_without_an_error_reference_catches_every_error()
    {
        var flow = Review("""<boundaryEvent id="onAny" attachedToRef="review"><errorEventDefinition /></boundaryEvent>"""
            + Bpmn.Flow("f4", "onAny", "correct"));
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(flow), new { materialsComplete = false });

        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("correct");
    }

    [Fact]
    public async Task An_error_nothing_catches_ends_its_path_like_a_none_end_event()
    {
        var flow = Review("");
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(flow), new { materialsComplete = false });

        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("approve", "the sub-process ended when its only path did");
    }

    private static readonly string Grant = WithErrors(Bpmn.Process("p", """
        <startEvent id="start" />
        <serviceTask id="grant" name="发放资助" camunda:type="external" camunda:topic="funding.grant" />
        <boundaryEvent id="onIncomplete" attachedToRef="grant">
          <errorEventDefinition errorRef="incomplete" camunda:errorMessageVariable="why" />
        </boundaryEvent>
        <userTask id="confirm" /><userTask id="correct" /><endEvent id="end" /><endEvent id="end2" />
        """ + Bpmn.Flow("f1", "start", "grant") + Bpmn.Flow("f2", "grant", "confirm") + Bpmn.Flow("f3", "confirm", "end")
        + Bpmn.Flow("f4", "onIncomplete", "correct") + Bpmn.Flow("f5", "correct", "end2")));

    private sealed class ThrowingHandler(string code) : IServiceTaskHandler
    {
        public int Calls { get; private set; }
        public string Topic => "funding.grant";

        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls++;
            throw new BpmnError(code, "银行账户信息缺失");
        }
    }

    [Fact]
    public async Task A_handler_that_throws_a_BPMN_error_hands_the_case_to_the_boundary_event_without_retrying()
    {
        var handler = new ThrowingHandler("MATERIALS_INCOMPLETE");
        await using var kx = await TestEngine.StartAsync(handler);
        var instance = await kx.StartAsync(await kx.DeployAsync(Grant));

        await kx.Engine.ExecuteDueJobsAsync();
        kx.Clock.Advance(TimeSpan.FromHours(1));
        await kx.Engine.ExecuteDueJobsAsync();

        handler.Calls.Should().Be(1);
        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("correct");
        after.Variables["why"]!.GetValue<string>().Should().Be("银行账户信息缺失");
        after.Incidents.Should().BeEmpty();
    }

    [Fact]
    public async Task A_BPMN_error_nothing_catches_stops_the_task_with_an_incident_and_is_not_retried()
    {
        var handler = new ThrowingHandler("NO_SUCH_CODE");
        await using var kx = await TestEngine.StartAsync(handler);
        var instance = await kx.StartAsync(await kx.DeployAsync(Grant));

        await kx.Engine.ExecuteDueJobsAsync();
        kx.Clock.Advance(TimeSpan.FromDays(1));
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0);

        handler.Calls.Should().Be(1);
        var incident = (await kx.GetAsync(instance.Id)).Incidents.Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("grant");
        incident.Message.Should().Contain("NO_SUCH_CODE").And.Contain("没有边界事件捕获");
    }

    [Fact]
    public async Task An_error_a_called_process_does_not_catch_reaches_the_call_activity()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(WithErrors(Bpmn.Process("check", """
            <startEvent id="s" /><endEvent id="fail"><errorEventDefinition errorRef="incomplete" /></endEvent>
            """ + Bpmn.Flow("f", "s", "fail"))));
        var key = await kx.DeployAsync(WithErrors(Bpmn.Process("main", """
            <startEvent id="start" />
            <callActivity id="call" calledElement="check" />
            <boundaryEvent id="onIncomplete" attachedToRef="call"><errorEventDefinition errorRef="incomplete" /></boundaryEvent>
            <userTask id="approve" /><userTask id="correct" /><endEvent id="end" /><endEvent id="end2" />
            """ + Bpmn.Flow("f1", "start", "call") + Bpmn.Flow("f2", "call", "approve") + Bpmn.Flow("f3", "approve", "end")
            + Bpmn.Flow("f4", "onIncomplete", "correct") + Bpmn.Flow("f5", "correct", "end2"))));

        var instance = await kx.StartAsync(key);

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("correct");
        after.Incidents.Should().BeEmpty();
    }

    private static string Escalation(bool interrupting) => Bpmn.Process("p", $"""
        <startEvent id="start" />
        <subProcess id="review">
          <startEvent id="s1" />
          <intermediateThrowEvent id="escalate"><escalationEventDefinition escalationRef="late" /></intermediateThrowEvent>
          <userTask id="finish" /><endEvent id="e1" />
          {Bpmn.Flow("a", "s1", "escalate")}{Bpmn.Flow("b", "escalate", "finish")}{Bpmn.Flow("c", "finish", "e1")}
        </subProcess>
        <boundaryEvent id="onLate" attachedToRef="review" cancelActivity="{(interrupting ? "true" : "false")}">
          <escalationEventDefinition escalationRef="late" camunda:escalationCodeVariable="code" />
        </boundaryEvent>
        <userTask id="notify" name="通知上级" /><endEvent id="end" /><endEvent id="end2" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end") + Bpmn.Flow("f3", "onLate", "notify")
        + Bpmn.Flow("f4", "notify", "end2")).Replace("</definitions>", """<escalation id="late" escalationCode="LATE" /></definitions>""");

    [Fact]
    public async Task A_non_interrupting_escalation_starts_a_path_beside_the_activity_that_goes_on()
    {
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(Escalation(interrupting: false)));

        instance.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["review", "finish", "notify"]);
        instance.Variables["code"]!.GetValue<string>().Should().Be("LATE");
        await kx.CompleteAsync(instance.Id, "finish");
        await kx.CompleteAsync(instance.Id, "notify");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task An_interrupting_escalation_cancels_the_activity_it_came_from()
    {
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(Escalation(interrupting: true)));

        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("notify");
    }
}
