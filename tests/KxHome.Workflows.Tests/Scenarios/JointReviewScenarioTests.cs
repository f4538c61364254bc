using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Scenarios;

/// <summary>
/// A certification-style flow: street association and party committee review in parallel, then optional site
/// visit and expert review run through an inclusive fork and join, then the district decides.
/// </summary>
public class JointReviewScenarioTests
{
    private static readonly string Flow = Bpmn.Process("joint", """
        <startEvent id="start" />
        <parallelGateway id="split" /><userTask id="street" camunda:candidateGroups="street" /><userTask id="party" camunda:candidateGroups="party" />
        <parallelGateway id="merge" />
        <inclusiveGateway id="checks" default="toPaper" />
        <userTask id="visit" camunda:candidateGroups="district" /><userTask id="expert" camunda:candidateGroups="expert" /><userTask id="paper" camunda:candidateGroups="district" />
        <inclusiveGateway id="checked" />
        <userTask id="decide" camunda:candidateGroups="district" />
        <exclusiveGateway id="outcome" default="toRejected" />
        <endEvent id="certified" /><endEvent id="rejected" />
        """ + Bpmn.Flow("f1", "start", "split") + Bpmn.Flow("f2", "split", "street") + Bpmn.Flow("f3", "split", "party")
            + Bpmn.Flow("f4", "street", "merge") + Bpmn.Flow("f5", "party", "merge") + Bpmn.Flow("f6", "merge", "checks")
            + Bpmn.Flow("toVisit", "checks", "visit", "${kind == 'Park'}")
            + Bpmn.Flow("toExpert", "checks", "expert", "${areaM2 >= 100}")
            + Bpmn.Flow("toPaper", "checks", "paper")
            + Bpmn.Flow("c1", "visit", "checked") + Bpmn.Flow("c2", "expert", "checked") + Bpmn.Flow("c3", "paper", "checked")
            + Bpmn.Flow("f7", "checked", "decide") + Bpmn.Flow("f8", "decide", "outcome")
            + Bpmn.Flow("toCertified", "outcome", "certified", "${certified}") + Bpmn.Flow("toRejected", "outcome", "rejected"));

    private static async Task CompleteForGroup(TestEngine kx, Guid instanceId, string group, object? variables = null)
    {
        var task = (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId, CandidateGroups = [group] })).First();
        await kx.Engine.CompleteTaskAsync(task.Id, $"{group}-user", Vars.Of(variables));
    }

    [Fact]
    public async Task A_park_home_needs_both_reviews_then_the_visit_and_the_expert_before_the_decision()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { kind = "Park", areaM2 = 120 });

        await CompleteForGroup(kx, instance.Id, "party");
        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("street", "merge");
        await CompleteForGroup(kx, instance.Id, "street");
        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("visit", "expert");
        await CompleteForGroup(kx, instance.Id, "expert");
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).Select(t => t.ElementId).Should().Equal("visit");
        await CompleteForGroup(kx, instance.Id, "district");
        await CompleteForGroup(kx, instance.Id, "district", new { certified = true });

        var done = await kx.GetAsync(instance.Id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "certified");
        done.History.Count(h => h.Kind == HistoryKind.ElementEntered && h.ElementId == "decide").Should().Be(1);
    }

    [Fact]
    public async Task A_small_street_home_gets_only_the_paper_check()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { kind = "Street", areaM2 = 40 });

        await CompleteForGroup(kx, instance.Id, "street");
        await CompleteForGroup(kx, instance.Id, "party");
        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("paper");
        await CompleteForGroup(kx, instance.Id, "district");
        await CompleteForGroup(kx, instance.Id, "district", new { certified = false });

        (await kx.GetAsync(instance.Id)).History.Should().Contain(h => h.ElementId == "rejected" && h.Kind == HistoryKind.ElementLeft);
    }
}
