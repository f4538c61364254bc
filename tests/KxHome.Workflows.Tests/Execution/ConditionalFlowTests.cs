using KxHome.Workflows.Model;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ConditionalFlowTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><userTask id="apply" default="toFile" />
        <userTask id="publicity" /><userTask id="grant" /><userTask id="file" />
        """ + Bpmn.Flow("f1", "start", "apply")
            + Bpmn.Flow("toPublicity", "apply", "publicity", "${kind == 'Park'}")
            + Bpmn.Flow("toGrant", "apply", "grant", "${grantFen > 0}")
            + Bpmn.Flow("toFile", "apply", "file"));

    [Fact]
    public async Task An_activity_takes_every_true_conditional_flow()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "apply", new { kind = "Park", grantFen = 8_000_000 });

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("publicity", "grant");
    }

    [Fact]
    public async Task An_activity_takes_its_default_flow_when_no_condition_holds()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "apply", new { kind = "Street", grantFen = 0 });

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("file");
    }

    [Fact]
    public async Task A_condition_that_fails_after_a_task_is_an_incident_and_the_task_stays_done()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "apply", new { grantFen = 1 });

        var after = await kx.GetAsync(instance.Id);
        var incident = after.Incidents.Should().ContainSingle().Subject;
        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["kind"] = "Street" }, "admin");
        await kx.Engine.RetryIncidentAsync(incident.Id, "admin");
        var fixedUp = await kx.GetAsync(instance.Id);
        fixedUp.ActiveElements.Select(a => a.ElementId).Should().Equal("grant");
        fixedUp.History.Count(h => h.Kind == KxHome.Workflows.Model.HistoryKind.TaskCreated && h.ElementId == "apply").Should().Be(1);
    }
}
