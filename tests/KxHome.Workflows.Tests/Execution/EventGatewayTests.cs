using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class EventGatewayTests
{
    // After filing, the case waits for whichever comes first: the applicant's materials, a policy change, or the deadline.
    internal static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <eventBasedGateway id="race" name="等待" />
        <intermediateCatchEvent id="materials" name="收到补充材料"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
        <intermediateCatchEvent id="policy" name="政策调整"><signalEventDefinition signalRef="s" /></intermediateCatchEvent>
        <intermediateCatchEvent id="deadline" name="补正期满"><timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <userTask id="review" name="审核材料" /><userTask id="restart" name="重新申报" /><userTask id="close" name="逾期办结" />
        <endEvent id="e1" /><endEvent id="e2" /><endEvent id="e3" />
        """ + Bpmn.Flow("f0", "start", "race") + Bpmn.Flow("f1", "race", "materials") + Bpmn.Flow("f2", "race", "policy")
        + Bpmn.Flow("f3", "race", "deadline") + Bpmn.Flow("f4", "materials", "review") + Bpmn.Flow("f5", "policy", "restart")
        + Bpmn.Flow("f6", "deadline", "close") + Bpmn.Flow("f7", "review", "e1") + Bpmn.Flow("f8", "restart", "e2") + Bpmn.Flow("f9", "close", "e3"))
        .Replace("</definitions>", """<message id="m" name="补充材料" /><signal id="s" name="政策调整" /></definitions>""");

    [Fact]
    public async Task The_message_that_arrives_first_wins_and_the_timer_and_signal_are_withdrawn()
    {
        await using var kx = await TestEngine.StartAsync();
        var instance = await kx.StartAsync(await kx.DeployAsync(Flow), businessKey: "BZ-1");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle();

        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("补充材料") { BusinessKey = "BZ-1" });

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("review");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
        (await kx.Engine.BroadcastSignalAsync("政策调整")).InstanceIds.Should().BeEmpty();
        kx.Clock.Advance(TimeSpan.FromDays(31));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        (await kx.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("review");
    }

    [Fact]
    public async Task When_nothing_arrives_the_timer_wins()
    {
        await using var kx = await TestEngine.StartAsync();
        var instance = await kx.StartAsync(await kx.DeployAsync(Flow), businessKey: "BZ-2");

        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("close");
        after.History.Should().Contain(h => h.Kind == HistoryKind.TimerFired && h.ElementId == "deadline");
        await FluentActions.Awaiting(() => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("补充材料") { BusinessKey = "BZ-2" }))
            .Should().ThrowAsync<WorkflowNotFoundException>();
    }

    [Fact]
    public async Task A_signal_can_win_the_race()
    {
        await using var kx = await TestEngine.StartAsync();
        var instance = await kx.StartAsync(await kx.DeployAsync(Flow));

        await kx.Engine.BroadcastSignalAsync("政策调整");

        (await kx.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("restart");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
    }

    [Fact]
    public async Task A_gateway_followed_by_a_task_is_refused_with_its_id()
    {
        await using var kx = await TestEngine.StartAsync();
        var flow = Bpmn.Process("p", """
            <startEvent id="start" /><eventBasedGateway id="race" /><userTask id="a" /><userTask id="b" />
            """ + Bpmn.Flow("f0", "start", "race") + Bpmn.Flow("f1", "race", "a") + Bpmn.Flow("f2", "race", "b"));

        var refusal = await FluentActions.Awaiting(() => kx.DeployAsync(flow)).Should().ThrowAsync<BpmnValidationException>();

        refusal.Which.Problems.Should().ContainSingle(p => p.Code == "bad-event-gateway").Which.ElementId.Should().Be("race");
    }

    [Fact]
    public async Task Camundas_own_event_gateway_test_file_runs_each_event_to_its_task()
    {
        var xml = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "camunda-bpm-platform", "EventBasedGatewayTest.testCatchSignalAndMessageAndTimer.bpmn20.xml"));
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(xml); // its sequence flows have no ids, which Camunda accepts
        var bySignal = await kx.StartAsync(key);

        var signalled = await kx.Engine.BroadcastSignalAsync("alert");

        signalled.InstanceIds.Should().Equal(bySignal.Id);
        (await kx.GetAsync(bySignal.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("task2");
        var byTimer = await kx.StartAsync(key);
        kx.Clock.Advance(TimeSpan.FromMinutes(10));
        await kx.Engine.ExecuteDueTimersAsync();
        (await kx.GetAsync(byTimer.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("task1");
    }

    [Fact]
    public async Task A_case_waiting_at_the_gateway_moves_to_a_new_version_with_its_racing_events_and_they_still_fire()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, businessKey: "BZ-3");
        await kx.DeployAsync(Flow.Replace("name=\"审核材料\"", "name=\"审核补充材料\""));

        var plan = await kx.Engine.PlanMigrationAsync(instance.Id, $"{key}:2");

        plan.Blockers.Should().BeEmpty();
        plan.Moves.Select(m => m.ElementId).Should().Contain(["race", "materials", "policy", "deadline"]);
        await kx.Engine.MigrateAsync(instance.Id, $"{key}:2", "admin1");
        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("补充材料") { BusinessKey = "BZ-3" });
        (await kx.OpenTaskAsync(instance.Id, "review")).Name.Should().Be("审核补充材料");
    }

    [Fact]
    public async Task A_version_without_a_racing_event_the_case_waits_on_blocks_the_move()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        await kx.DeployAsync(Flow.Replace("""<intermediateCatchEvent id="policy" name="政策调整"><signalEventDefinition signalRef="s" /></intermediateCatchEvent>""",
            """<intermediateCatchEvent id="policy2" name="政策调整"><signalEventDefinition signalRef="s" /></intermediateCatchEvent>""")
            .Replace("targetRef=\"policy\"", "targetRef=\"policy2\"").Replace("sourceRef=\"policy\"", "sourceRef=\"policy2\""));

        var plan = await kx.Engine.PlanMigrationAsync(instance.Id, $"{key}:2");

        plan.Blockers.Should().ContainSingle().Which.ElementId.Should().Be("policy");
    }
}
