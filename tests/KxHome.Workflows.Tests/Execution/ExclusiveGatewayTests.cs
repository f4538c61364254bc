using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ExclusiveGatewayTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><exclusiveGateway id="grade" default="toQualified" />
        <userTask id="excellent" /><userTask id="unqualified" /><userTask id="qualified" /><userTask id="alsoHigh" />
        """ + Bpmn.Flow("f1", "start", "grade")
            + Bpmn.Flow("toExcellent", "grade", "excellent", "${score >= 90}")
            + Bpmn.Flow("toAlsoHigh", "grade", "alsoHigh", "${score >= 80}")
            + Bpmn.Flow("toUnqualified", "grade", "unqualified", "${score < 60}")
            + Bpmn.Flow("toQualified", "grade", "qualified"));

    [Theory]
    [InlineData(95, "excellent")]
    [InlineData(85, "alsoHigh")]
    [InlineData(40, "unqualified")]
    [InlineData(70, "qualified")]
    public async Task The_first_true_condition_in_document_order_wins_else_the_default(int score, string expected)
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);

        var instance = await kx.StartAsync(key, new { score });

        instance.ActiveElements.Select(a => a.ElementId).Should().Equal(expected);
    }

    [Fact]
    public async Task No_true_condition_and_no_default_is_an_incident()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """<startEvent id="start" /><exclusiveGateway id="gw" /><endEvent id="end" />"""
            + Bpmn.Flow("f1", "start", "gw") + Bpmn.Flow("f2", "gw", "end", "${false}")));

        var instance = await kx.StartAsync(key);

        instance.Incidents.Should().ContainSingle().Which.Kind.Should().Be("no-outgoing-flow");
        instance.ActiveElements.Should().ContainSingle().Which.State.Should().Be("Incident");
    }

    [Fact]
    public async Task A_failing_condition_is_an_incident_that_a_fix_and_a_retry_clear()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        var incident = instance.Incidents.Should().ContainSingle().Subject;
        incident.Kind.Should().Be("expression");
        incident.Message.Should().Contain("score");

        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["score"] = 91 }, "admin");
        await kx.Engine.RetryIncidentAsync(incident.Id, "admin");

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("excellent");
        after.Incidents.Single().ResolvedAt.Should().NotBeNull();
    }
}
