using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class EventSubProcessTests
{
    private static string Flow(string eventSubProcess, string inner = """<userTask id="review" name="审核" />""") => Bpmn.Process("p", $"""
        <startEvent id="start" />
        {inner}
        <endEvent id="end" />
        {Bpmn.Flow("f1", "start", "review")}{Bpmn.Flow("f2", "review", "end")}
        {eventSubProcess}
        """).Replace("</definitions>", """
            <message id="urge" name="催办" /><error id="incomplete" errorCode="INCOMPLETE" />
            </definitions>
            """);

    private static string Triggered(string start, bool interrupting, string task) => $"""
        <subProcess id="handler" triggeredByEvent="true">
          <startEvent id="on" isInterrupting="{(interrupting ? "true" : "false")}">{start}</startEvent>
          <userTask id="{task}" /><endEvent id="handled" />
          {Bpmn.Flow("h1", "on", task)}{Bpmn.Flow("h2", task, "handled")}
        </subProcess>
        """;

    [Fact]
    public async Task An_interrupting_timer_event_sub_process_cancels_the_case_work_and_takes_over()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(Triggered("<timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition>", true, "overdue")));
        var instance = await kx.StartAsync(key);
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle();

        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["handler", "overdue"]);
        after.History.Should().Contain(h => h.Kind == HistoryKind.TaskCancelled && h.ElementId == "review");
        await kx.CompleteAsync(instance.Id, "overdue");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_non_interrupting_message_event_sub_process_runs_beside_the_work_each_time_the_message_comes()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(Triggered("""<messageEventDefinition messageRef="urge" />""", false, "answer")));
        var instance = await kx.StartAsync(key, businessKey: "CB-1");

        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("催办") { BusinessKey = "CB-1", Variables = new Dictionary<string, object?> { ["by"] = "区科协" } });
        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("催办") { BusinessKey = "CB-1" });

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Count(a => a.ElementId == "answer").Should().Be(2);
        after.ActiveElements.Should().Contain(a => a.ElementId == "review");
        after.Variables["by"]!.GetValue<string>().Should().Be("区科协");
        await kx.CompleteAsync(instance.Id, "review");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Active, "the answers are still open");
        foreach (var task in await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id }))
        {
            await kx.Engine.CompleteTaskAsync(task.Id, "approver1");
        }
        var done = await kx.GetAsync(instance.Id);
        done.Status.Should().Be(InstanceStatus.Completed);
        await FluentActions.Awaiting(() => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("催办") { BusinessKey = "CB-1" }))
            .Should().ThrowAsync<WorkflowNotFoundException>("an ended case no longer listens");
    }

    [Fact]
    public async Task An_error_thrown_deep_inside_is_caught_by_the_process_error_event_sub_process()
    {
        await using var kx = await TestEngine.StartAsync();
        var inner = $"""
            <subProcess id="review">
              <startEvent id="s1" /><userTask id="check" />
              <endEvent id="fail"><errorEventDefinition errorRef="incomplete" /></endEvent>
              {Bpmn.Flow("a", "s1", "check")}{Bpmn.Flow("b", "check", "fail")}
            </subProcess>
            <userTask id="parallelWork" />
            """;
        var key = await kx.DeployAsync(Flow(Triggered("""<errorEventDefinition errorRef="incomplete" camunda:errorCodeVariable="code" />""", true, "correct"), inner));
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "check");

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["handler", "correct"]);
        after.Variables["code"]!.GetValue<string>().Should().Be("INCOMPLETE");
    }

    [Fact]
    public async Task The_event_sub_process_of_a_sub_process_stops_listening_when_the_sub_process_ends()
    {
        await using var kx = await TestEngine.StartAsync();
        var inner = $"""
            <subProcess id="review">
              <startEvent id="s1" /><userTask id="check" /><endEvent id="e1" />
              {Bpmn.Flow("a", "s1", "check")}{Bpmn.Flow("b", "check", "e1")}
              {Triggered("<timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>", false, "remind")}
            </subProcess>
            """;
        var key = await kx.DeployAsync(Flow("", inner).Replace("""<sequenceFlow id="f2" sourceRef="review" targetRef="end" />""",
            """<userTask id="after" /><sequenceFlow id="f2" sourceRef="review" targetRef="after" /><sequenceFlow id="f3" sourceRef="after" targetRef="end" />"""));
        var instance = await kx.StartAsync(key);
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle();

        await kx.CompleteAsync(instance.Id, "check");

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
        kx.Clock.Advance(TimeSpan.FromDays(2));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        (await kx.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("after");
    }

    [Fact]
    public async Task An_event_sub_process_with_a_none_start_event_is_refused()
    {
        await using var kx = await TestEngine.StartAsync();
        var flow = Flow(Triggered("", true, "x"));

        var refusal = await FluentActions.Awaiting(() => kx.DeployAsync(flow)).Should().ThrowAsync<BpmnValidationException>();

        refusal.Which.Problems.Should().ContainSingle().Which.Message.Should().Contain("事件子流程须有且仅有一个");
    }

    [Fact]
    public async Task A_waiting_event_sub_process_still_listens_after_a_restart()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(Triggered("""<messageEventDefinition messageRef="urge" />""", false, "answer")
            + Triggered("<timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition>", true, "overdue")
                .Replace("id=\"handler\"", "id=\"late\"").Replace("id=\"on\"", "id=\"onLate\"").Replace("id=\"handled\"", "id=\"lateEnd\"")
                .Replace("\"h1\"", "\"l1\"").Replace("\"h2\"", "\"l2\"").Replace("sourceRef=\"on\"", "sourceRef=\"onLate\"")
                .Replace("targetRef=\"handled\"", "targetRef=\"lateEnd\"")));
        var instance = await kx.StartAsync(key, businessKey: "CB-2");
        await kx.Engine.DisposeAsync();

        await using var restarted = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Workflows:ConnectionString"] = kx.ConnectionString });
        await restarted.Engine.CorrelateMessageAsync(new MessageCorrelation("催办") { BusinessKey = "CB-2" });
        (await restarted.GetAsync(instance.Id)).ActiveElements.Should().Contain(a => a.ElementId == "answer");
        restarted.Clock.Advance(TimeSpan.FromDays(30));
        (await restarted.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        (await restarted.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo(["late", "overdue"],
            "the interrupting deadline ended the review and the open answer");
    }

    [Fact]
    public async Task A_version_without_the_event_sub_process_a_case_listens_for_blocks_the_move()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(Triggered("""<messageEventDefinition messageRef="urge" />""", false, "answer")));
        var instance = await kx.StartAsync(key);
        await kx.DeployAsync(Flow(""));

        var plan = await kx.Engine.PlanMigrationAsync(instance.Id, $"{key}:2");

        plan.Blockers.Should().ContainSingle().Which.ElementId.Should().Be("on");
    }
}
