using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class EndlessLoopTests
{
    // Two plain tasks in a cycle: nothing in the loop waits, so without a cap one step would never end.
    private static readonly string Loop = Bpmn.Process("loop", """
        <startEvent id="start" />
        <task id="a" name="整理材料" /><task id="b" name="再次整理" />
        """ + Bpmn.Flow("f1", "start", "a") + Bpmn.Flow("f2", "a", "b") + Bpmn.Flow("f3", "b", "a"));

    private static readonly string Simple = Bpmn.Process("simple", """
        <startEvent id="start" /><userTask id="review" name="审核" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end"));

    [Fact]
    public async Task A_loop_without_a_wait_stops_with_an_incident_on_the_looping_element_and_the_engine_keeps_serving()
    {
        await using var kx = await TestEngine.StartAsync();
        var loop = await kx.DeployAsync(Loop);
        var simple = await kx.DeployAsync(Simple);

        var looping = await kx.StartAsync(loop);

        looping.Status.Should().Be(InstanceStatus.Active);
        var incident = looping.Incidents.Should().ContainSingle().Subject;
        incident.ElementId.Should().BeOneOf("a", "b");
        incident.Message.Should().Contain("10000").And.Contain("循环");
        looping.ActiveElements.Should().ContainSingle().Which.IncidentId.Should().Be(incident.Id);
        var other = await kx.StartAsync(simple);
        await kx.CompleteAsync(other.Id, "review");
        (await kx.GetAsync(other.Id)).Status.Should().Be(InstanceStatus.Completed, "one looping case does not take the engine down");
    }

    [Fact]
    public async Task The_cap_is_a_setting()
    {
        await using var kx = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Workflows:MaxTransitionsPerStep"] = "50" });
        var loop = await kx.DeployAsync(Loop);

        var looping = await kx.StartAsync(loop);

        looping.Incidents.Should().ContainSingle().Which.Message.Should().Contain("超过 50 个元素");
        looping.History.Count(h => h.Kind == HistoryKind.ElementEntered).Should().Be(50);
    }
}
