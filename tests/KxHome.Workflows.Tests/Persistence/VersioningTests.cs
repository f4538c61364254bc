using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Persistence;

public class VersioningTests
{
    private static string Flow(string taskName) => Bpmn.Process("cert", $"""
        <startEvent id="start" /><userTask id="review" name="{taskName}" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end"));

    [Fact]
    public async Task Identical_xml_makes_no_new_version_and_changed_xml_makes_the_next()
    {
        await using var kx = await TestEngine.StartAsync();

        var first = await kx.Engine.DeployAsync(Flow("审核"), "admin");
        var again = await kx.Engine.DeployAsync(Flow("审核"), "admin");
        var changed = await kx.Engine.DeployAsync(Flow("区科协审核"), "admin");

        first.Definitions.Single().Should().Match<DeployedDefinition>(d => d.IsNewVersion && d.Definition.Version == 1);
        again.Definitions.Single().Should().Match<DeployedDefinition>(d => !d.IsNewVersion && d.Definition.Version == 1);
        changed.Definitions.Single().Should().Match<DeployedDefinition>(d => d.IsNewVersion && d.Definition.Version == 2 && d.Definition.Id == "cert:2");
        (await kx.Engine.Queries.ListDefinitionsAsync()).Select(d => d.Id).Should().Equal("cert:2", "cert:1");
    }

    [Fact]
    public async Task The_current_version_of_each_flow_is_its_newest()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.Engine.DeployAsync(Flow("审核"), "admin");
        await kx.Engine.DeployAsync(Flow("区科协审核"), "admin");
        await kx.Engine.DeployAsync(Bpmn.Process("renewal", """<startEvent id="s" /><endEvent id="e" />""" + Bpmn.Flow("f", "s", "e")), "admin");

        (await kx.Engine.Queries.LatestDefinitionsAsync()).Select(d => d.Id).Should().Equal("cert:2", "renewal:1");
    }

    [Fact]
    public async Task A_running_instance_stays_on_its_version_and_new_ones_take_the_latest()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.Engine.DeployAsync(Flow("审核"));
        var old = await kx.StartAsync("cert");

        await kx.Engine.DeployAsync(Flow("区科协审核"));
        var fresh = await kx.StartAsync("cert");

        (await kx.OpenTaskAsync(old.Id, "review")).Name.Should().Be("审核");
        (await kx.OpenTaskAsync(fresh.Id, "review")).Name.Should().Be("区科协审核");
        await kx.CompleteAsync(old.Id, "review");
        (await kx.GetAsync(old.Id)).Should().Match<InstanceView>(i => i.Status == InstanceStatus.Completed && i.DefinitionVersion == 1);
    }

    [Fact]
    public async Task An_invalid_file_deploys_nothing_and_names_every_problem()
    {
        await using var kx = await TestEngine.StartAsync();

        var act = () => kx.Engine.DeployAsync(Bpmn.Process("bad", """<userTask id="a" />""" + Bpmn.Flow("f", "a", "ghost")));

        var refused = (await act.Should().ThrowAsync<BpmnValidationException>()).Which;
        refused.Problems.Select(p => p.Code).Should().BeEquivalentTo("no-start-event", "flow-target-missing");
        (await kx.Engine.Queries.ListDefinitionsAsync()).Should().BeEmpty();
    }
}
