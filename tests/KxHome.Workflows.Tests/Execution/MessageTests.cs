using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class MessageTests
{
    private static string WithMessages(string id, string body) =>
        Bpmn.Process(id, body).Replace("<process ", """<message id="m_supplement" name="材料补正" /><message id="m_withdraw" name="撤回申请" /><message id="m_apply" name="提交申请" /><process """);

    private static readonly string Supplement = WithMessages("p", """
        <startEvent id="start" />
        <intermediateCatchEvent id="wait" name="等待补正材料"><messageEventDefinition messageRef="m_supplement" /></intermediateCatchEvent>
        <userTask id="review" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "review") + Bpmn.Flow("f3", "review", "end"));

    [Fact]
    public async Task A_message_for_the_business_key_moves_the_waiting_case_on_with_its_variables()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Supplement);
        var jd = await kx.StartAsync(key, businessKey: "JD-1");
        var bs = await kx.StartAsync(key, businessKey: "BS-2");

        var result = await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正")
        {
            BusinessKey = "BS-2", Variables = new Dictionary<string, object?> { ["attachments"] = 3 }, UserId = "applicant1",
        });

        result.InstanceIds.Should().Equal(bs.Id);
        var after = await kx.GetAsync(bs.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("review");
        after.Variables["attachments"]!.GetValue<int>().Should().Be(3);
        after.History.Should().ContainSingle(h => h.Kind == HistoryKind.MessageReceived && h.UserId == "applicant1");
        (await kx.GetAsync(jd.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("wait");
    }

    [Fact]
    public async Task A_message_nobody_waits_for_or_that_matches_several_cases_is_refused_and_changes_nothing()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Supplement);
        var first = await kx.StartAsync(key, businessKey: "JD-1");
        await kx.StartAsync(key, businessKey: "JD-2");

        var unknown = () => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正") { BusinessKey = "XX-9" });
        var ambiguous = () => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正"));

        (await unknown.Should().ThrowAsync<WorkflowNotFoundException>()).Which.Message.Should().Contain("材料补正").And.Contain("XX-9");
        (await ambiguous.Should().ThrowAsync<WorkflowConflictException>()).Which.Message.Should().Contain("2 处");
        (await kx.GetAsync(first.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("wait");
    }

    [Fact]
    public async Task A_broadcast_reaches_every_waiting_case()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Supplement);
        var a = await kx.StartAsync(key);
        var b = await kx.StartAsync(key);

        var result = await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正") { All = true });

        result.InstanceIds.Should().BeEquivalentTo([a.Id, b.Id]);
    }

    [Fact]
    public async Task Correlation_variables_pick_the_case_whose_variables_match()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Supplement);
        await kx.StartAsync(key, new { orgCode = "310114-001" });
        var target = await kx.StartAsync(key, new { orgCode = "310114-002" });

        var result = await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正")
        {
            CorrelationKeys = new Dictionary<string, object?> { ["orgCode"] = "310114-002" },
        });

        result.InstanceIds.Should().Equal(target.Id);
    }

    private static readonly string Withdrawable = WithMessages("w", """
        <startEvent id="start" /><userTask id="review" name="审核" />
        <boundaryEvent id="withdrawn" attachedToRef="review"><messageEventDefinition messageRef="m_withdraw" /></boundaryEvent>
        <boundaryEvent id="supplemented" attachedToRef="review" cancelActivity="false"><messageEventDefinition messageRef="m_supplement" /></boundaryEvent>
        <userTask id="recheck" /><endEvent id="done" /><endEvent id="cancelled" /><endEvent id="rechecked" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "done") + Bpmn.Flow("f3", "withdrawn", "cancelled")
          + Bpmn.Flow("f4", "supplemented", "recheck") + Bpmn.Flow("f5", "recheck", "rechecked"));

    [Fact]
    public async Task Withdrawing_interrupts_the_review_and_ends_the_case()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Withdrawable);
        var instance = await kx.StartAsync(key, businessKey: "JD-3");
        var review = await kx.OpenTaskAsync(instance.Id, "review");

        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("撤回申请") { BusinessKey = "JD-3" });

        (await kx.Engine.Queries.GetTaskAsync(review.Id)).State.Should().Be(UserTaskState.Cancelled);
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
        var again = () => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正") { BusinessKey = "JD-3" });
        await again.Should().ThrowAsync<WorkflowNotFoundException>("the review's other boundary event went with it");
    }

    [Fact]
    public async Task A_non_interrupting_message_opens_a_side_path_each_time_and_the_review_goes_on()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Withdrawable);
        var instance = await kx.StartAsync(key, businessKey: "JD-4");

        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正") { BusinessKey = "JD-4" });
        await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正") { BusinessKey = "JD-4" });

        var active = (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).ToList();
        active.Should().BeEquivalentTo("review", "recheck", "recheck");
    }

    [Fact]
    public async Task A_message_start_event_starts_a_case_with_the_business_key_and_variables()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(WithMessages("apply", """
            <startEvent id="received"><messageEventDefinition messageRef="m_apply" /></startEvent>
            <userTask id="check" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "received", "check") + Bpmn.Flow("f2", "check", "end")));

        var result = await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("提交申请")
        {
            BusinessKey = "JD-5", Variables = new Dictionary<string, object?> { ["homeName"] = "嘉定科技工作者之家" },
        });

        var started = await kx.GetAsync(result.StartedInstanceIds.Should().ContainSingle().Subject);
        started.BusinessKey.Should().Be("JD-5");
        started.Variables["homeName"]!.GetValue<string>().Should().Be("嘉定科技工作者之家");
        started.ActiveElements.Select(a => a.ElementId).Should().Equal("check");
    }

    [Fact]
    public async Task Cancelling_a_case_drops_what_it_waited_for()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Supplement);
        var instance = await kx.StartAsync(key, businessKey: "JD-6");

        await kx.Engine.CancelAsync(instance.Id, "admin", "重复申报");

        var act = () => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("材料补正") { BusinessKey = "JD-6" });
        await act.Should().ThrowAsync<WorkflowNotFoundException>();
    }

    [Fact]
    public async Task The_corpus_start_timer_with_a_limit_starts_two_cases_whose_receive_tasks_then_finish()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus,
            "camunda-bpm-platform/StartTimerEventTest.testCycleWithLimitStartTimerEvent.bpmn20.xml")));

        for (var i = 0; i < 3; i++)
        {
            kx.Clock.Advance(TimeSpan.FromMinutes(5));
            (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(i < 2 ? 1 : 0, $"R2 allows two, round {i}");
        }

        var result = await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("receive") { All = true });
        result.InstanceIds.Should().HaveCount(2);
        foreach (var id in result.InstanceIds) (await kx.GetAsync(id)).Status.Should().Be(InstanceStatus.Completed);
    }
}
