using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Runtime;

/// <summary>待办 as the engine reads it: held and offered tasks, scoped to organisations, in priority order, paged.</summary>
public class InboxTests
{
    // 街镇初审, offered to the street group and to one named expert; urgent cases carry a higher priority.
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <userTask id="review" name="街镇初审" camunda:candidateGroups="street,street-lead" camunda:candidateUsers="expert9" camunda:priority="${urgent ? 80 : 50}" />
        <endEvent id="done" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "done"));

    /// <summary>Starts a case a minute after the one before, so "oldest first" has an answer.</summary>
    private static async Task<Guid> StartAsync(TestEngine kx, string key, string owner, bool urgent = false)
    {
        kx.Clock.Advance(TimeSpan.FromMinutes(1));
        return (await kx.Engine.StartAsync(new StartRequest(key)
        {
            Owner = owner, StartedBy = "applicant1", Variables = new Dictionary<string, object?> { ["urgent"] = urgent },
        })).Id;
    }

    [Fact]
    public async Task The_inbox_has_the_tasks_held_and_those_offered_on_visible_cases_most_urgent_first()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var first = await StartAsync(kx, key, "jd-park");
        var urgent = await StartAsync(kx, key, "jd-park", urgent: true);
        var elsewhere = await StartAsync(kx, key, "bs-park");
        var held = await StartAsync(kx, key, "bs-park");
        await kx.Engine.ClaimAsync((await kx.OpenTaskAsync(held, "review")).Id, "street1");
        var claimedByOther = await StartAsync(kx, key, "jd-park");
        await kx.Engine.ClaimAsync((await kx.OpenTaskAsync(claimedByOther, "review")).Id, "street2");

        var inbox = await kx.Engine.Queries.InboxAsync("street1", ["street"], ["jd", "jd-park"], skip: 0, take: 10);

        inbox.Select(t => t.InstanceId).Should().Equal([urgent, first, held],
            "the urgent case first; a task the person holds is theirs wherever it is; another's held task and a case elsewhere are not");
        inbox[0].CandidateGroups.Should().Equal("street", "street-lead");
        inbox[0].CandidateUsers.Should().Equal("expert9");
        inbox.Select(t => t.InstanceId).Should().NotContain([elsewhere, claimedByOther]);
    }

    [Fact]
    public async Task A_named_candidate_sees_the_task_without_the_group_and_nobody_sees_it_without_either()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var id = await StartAsync(kx, key, "jd-park");

        (await kx.Engine.Queries.InboxAsync("expert9", [], ["jd-park"], 0, 10)).Should().ContainSingle(t => t.InstanceId == id);
        (await kx.Engine.Queries.InboxAsync("district1", ["district"], ["jd-park"], 0, 10)).Should().BeEmpty("the task is not offered to the district");
        (await kx.Engine.Queries.InboxAsync("street1", ["street"], [], 0, 10)).Should().BeEmpty("a person who may see no organisation sees no offered task");
        (await kx.Engine.Queries.InboxAsync("admin", ["street"], null, 0, 10)).Should().ContainSingle("no organisation limit means every case");
    }

    [Fact]
    public async Task Pages_of_the_inbox_follow_one_another_without_gaps_or_repeats()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await StartAsync(kx, key, "jd-park", urgent: i == 3));
        await kx.Engine.ClaimAsync((await kx.OpenTaskAsync(ids[4], "review")).Id, "street1");

        var pages = new List<Guid>();
        for (var skip = 0; skip < 6; skip += 2) pages.AddRange((await kx.Engine.Queries.InboxAsync("street1", ["street"], ["jd-park"], skip, 2)).Select(t => t.InstanceId));

        pages.Should().Equal(ids[3], ids[0], ids[1], ids[2], ids[4]);
    }
}
