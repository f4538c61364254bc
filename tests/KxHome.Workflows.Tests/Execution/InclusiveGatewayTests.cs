using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class InclusiveGatewayTests
{
    // Material checks: the ones whose condition holds run; the join waits only for those.
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><inclusiveGateway id="fork" default="toBasic" />
        <userTask id="site" /><userTask id="finance" /><userTask id="basic" />
        <inclusiveGateway id="join" /><userTask id="decide" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "fork")
            + Bpmn.Flow("toSite", "fork", "site", "${needsVisit}")
            + Bpmn.Flow("toFinance", "fork", "finance", "${grantFen > 0}")
            + Bpmn.Flow("toBasic", "fork", "basic")
            + Bpmn.Flow("j1", "site", "join") + Bpmn.Flow("j2", "finance", "join") + Bpmn.Flow("j3", "basic", "join")
            + Bpmn.Flow("f9", "join", "decide") + Bpmn.Flow("f10", "decide", "end"));

    [Fact]
    public async Task The_fork_takes_every_true_flow_and_not_the_default()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);

        var instance = await kx.StartAsync(key, new { needsVisit = true, grantFen = 100 });

        instance.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("site", "finance");
    }

    [Fact]
    public async Task The_fork_takes_the_default_when_nothing_is_true()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);

        var instance = await kx.StartAsync(key, new { needsVisit = false, grantFen = 0 });

        instance.ActiveElements.Select(a => a.ElementId).Should().Equal("basic");
    }

    [Fact]
    public async Task The_join_waits_only_for_the_tokens_that_can_still_arrive()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { needsVisit = true, grantFen = 100 });

        await kx.CompleteAsync(instance.Id, "site");
        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("join", "finance");
        await kx.CompleteAsync(instance.Id, "finance");

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
    }

    [Fact]
    public async Task A_single_path_passes_the_join_at_once()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { needsVisit = false, grantFen = 5 });

        await kx.CompleteAsync(instance.Id, "finance");

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
    }

    [Fact]
    public async Task A_token_upstream_of_the_fork_still_counts_as_able_to_arrive()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><parallelGateway id="split" /><userTask id="early" /><userTask id="late" />
            <inclusiveGateway id="join" /><userTask id="decide" />
            """ + Bpmn.Flow("f1", "start", "split") + Bpmn.Flow("f2", "split", "early") + Bpmn.Flow("f3", "split", "late")
                + Bpmn.Flow("f4", "early", "join") + Bpmn.Flow("f5", "late", "join") + Bpmn.Flow("f6", "join", "decide")));
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "early");

        (await kx.GetAsync(instance.Id)).ActiveElements.Should().NotContain(a => a.ElementId == "decide");
        await kx.CompleteAsync(instance.Id, "late");
        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
    }

    [Fact]
    public async Task A_join_whose_tokens_were_parked_before_a_restart_fires_when_the_last_branch_completes()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { needsVisit = true, grantFen = 100 });
        await kx.CompleteAsync(instance.Id, "site"); // one token parked at the join, one at finance
        await kx.Engine.DisposeAsync();

        await using var restarted = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Workflows:ConnectionString"] = kx.ConnectionString });
        (await restarted.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("join", "finance");
        await restarted.CompleteAsync(instance.Id, "finance");

        var after = await restarted.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
        after.History.Count(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "join").Should().Be(1, "the two tokens merged into one");
    }

    [Fact]
    public async Task Two_joins_in_a_loop_each_reachable_from_the_other_fire_once_every_incoming_flow_holds_a_token()
    {
        // Camunda's testLoopingInclusiveGateways: after task1 and task2, two tokens sit at inclusiveGw3 (one per incoming
        // flow) and one at inclusiveGw4; each join can be reached from the other through the loop back to inclusiveGw1.
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "camunda-bpm-platform", "InclusiveGatewayTest.testLoopingInclusiveGateways.bpmn")));
        var instance = await kx.StartAsync(key);
        var first = (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).Select(t => t.Id).ToList();

        await kx.CompleteAsync(instance.Id, "task1");
        await kx.CompleteAsync(instance.Id, "task2");

        var after = await kx.GetAsync(instance.Id);
        after.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "inclusiveGw4", "both joins fired")
            .And.Contain(h => h.Kind == HistoryKind.ElementEntered && h.ElementId == "EndEvent_1nf901q", "one branch of inclusiveGw5 ends");
        var again = await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id });
        again.Select(t => t.ElementId).Should().BeEquivalentTo(["task1", "task2"], "the other goes round the loop to both tasks again");
        again.Select(t => t.Id).Should().NotIntersectWith(first);
        after.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["task1", "task2", "inclusiveGw3"],
            "as in the first round, one token waits at inclusiveGw3 for task2 (the state Camunda's test expects)");
    }
}
