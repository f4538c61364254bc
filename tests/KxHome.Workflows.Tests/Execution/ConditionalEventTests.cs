using KxHome.Workflows.Model;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ConditionalEventTests
{
    private static readonly string WaitForFunds = Bpmn.Process("p", """
        <startEvent id="start" />
        <intermediateCatchEvent id="funds" name="资助到账">
          <conditionalEventDefinition><condition xsi:type="tFormalExpression">${fundsArrived === true}</condition></conditionalEventDefinition>
        </intermediateCatchEvent>
        <userTask id="report" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "funds") + Bpmn.Flow("f2", "funds", "report") + Bpmn.Flow("f3", "report", "end"));

    [Fact]
    public async Task A_conditional_catch_event_waits_until_a_variable_change_makes_its_condition_hold()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(WaitForFunds);
        var waiting = await kx.StartAsync(key);
        var passing = await kx.StartAsync(key, new { fundsArrived = true });
        waiting.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("funds", "the variable is not set yet");
        passing.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("report", "the condition held at once");

        await kx.Engine.SetVariablesAsync(waiting.Id, new Dictionary<string, object?> { ["fundsArrived"] = false }, "admin1");
        (await kx.GetAsync(waiting.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("funds");
        await kx.Engine.SetVariablesAsync(waiting.Id, new Dictionary<string, object?> { ["fundsArrived"] = true }, "admin1");

        (await kx.GetAsync(waiting.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("report");
    }

    private const string Condition = "${amountFen > 1000000}";

    private static string Review(bool interrupting) => Bpmn.Process("p", $"""
        <startEvent id="start" />
        <userTask id="review" name="审核" />
        <boundaryEvent id="withdrawn" attachedToRef="review" cancelActivity="{(interrupting ? "true" : "false")}">
          <conditionalEventDefinition><condition xsi:type="tFormalExpression">{Condition}</condition></conditionalEventDefinition>
        </boundaryEvent>
        <userTask id="escalate" name="报上级审核" /><endEvent id="end" /><endEvent id="end2" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end") + Bpmn.Flow("f3", "withdrawn", "escalate")
        + Bpmn.Flow("f4", "escalate", "end2"));

    [Fact]
    public async Task An_interrupting_conditional_boundary_event_takes_the_case_away_from_its_task_when_the_amount_grows()
    {
        await using var kx = await TestEngine.StartAsync();
        var instance = await kx.StartAsync(await kx.DeployAsync(Review(interrupting: true)), new { amountFen = 500_000 });
        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("review");

        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["amountFen"] = 2_000_000 }, "admin1");

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("escalate");
        after.History.Should().Contain(h => h.Kind == HistoryKind.TaskCancelled && h.ElementId == "review");
    }

    [Fact]
    public async Task A_non_interrupting_one_holds_from_the_start_and_leaves_the_task_open()
    {
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(Review(interrupting: false)), new { amountFen = 2_000_000 });

        instance.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["review", "escalate"]);
        await kx.CompleteAsync(instance.Id, "review");
        (await kx.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("escalate",
            "it fired once, and no variable changed since");
    }
}
