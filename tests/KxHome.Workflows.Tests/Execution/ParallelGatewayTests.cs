using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ParallelGatewayTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="street" /><userTask id="party" /><userTask id="expert" />
        <parallelGateway id="join" /><userTask id="decide" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "fork")
            + Bpmn.Flow("f2", "fork", "street") + Bpmn.Flow("f3", "fork", "party", "${false}") + Bpmn.Flow("f4", "fork", "expert")
            + Bpmn.Flow("f5", "street", "join") + Bpmn.Flow("f6", "party", "join") + Bpmn.Flow("f7", "expert", "join")
            + Bpmn.Flow("f8", "join", "decide") + Bpmn.Flow("f9", "decide", "end"));

    [Fact]
    public async Task The_fork_takes_every_flow_and_ignores_conditions()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);

        var instance = await kx.StartAsync(key);

        instance.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("street", "party", "expert");
    }

    [Fact]
    public async Task The_join_waits_for_every_incoming_flow_then_goes_on_once()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "street");
        await kx.CompleteAsync(instance.Id, "expert");
        var waiting = await kx.GetAsync(instance.Id);
        waiting.ActiveElements.Should().Contain(a => a.ElementId == "join" && a.State == "Joining");
        waiting.ActiveElements.Should().NotContain(a => a.ElementId == "decide");

        await kx.CompleteAsync(instance.Id, "party");

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
    }
}
