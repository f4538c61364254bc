using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Persistence;

public class BulkStartTests
{
    private static readonly string Rectification = Bpmn.Process("rectification", """
        <startEvent id="start" /><userTask id="rectify" name="整改" camunda:candidateGroups="applicant" />
        <boundaryEvent id="window" name="整改期限" attachedToRef="rectify"><timerEventDefinition><timeDuration>P1Y</timeDuration></timerEventDefinition></boundaryEvent>
        <endEvent id="done" /><endEvent id="revoked" />
        """ + Bpmn.Flow("f1", "start", "rectify") + Bpmn.Flow("f2", "rectify", "done") + Bpmn.Flow("f3", "window", "revoked"));

    [Fact]
    public async Task A_campaign_starts_a_case_with_a_deadline_for_every_home()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Rectification);
        var requests = Enumerable.Range(1, 1_200)
            .Select(i => new StartRequest("rectification") { BusinessKey = $"HOME-{i:0000}", Variables = new Dictionary<string, object?> { ["home"] = i } })
            .ToList();

        var ids = await kx.Engine.StartManyAsync(requests);

        ids.Should().HaveCount(1_200).And.OnlyHaveUniqueItems();
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { Take = 2_000 })).Should().HaveCount(1_200);
        (await kx.GetAsync(ids[1_199])).BusinessKey.Should().Be("HOME-1200");
    }

    [Fact]
    public async Task A_request_for_an_undeployed_process_refuses_its_batch_and_names_it()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Rectification);

        var act = () => kx.Engine.StartManyAsync([new StartRequest("rectification"), new StartRequest("nosuch")]);

        (await act.Should().ThrowAsync<WorkflowNotFoundException>()).Which.Message.Should().Contain("nosuch");
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery())).Should().BeEmpty("the batch is all or nothing");
    }
}
