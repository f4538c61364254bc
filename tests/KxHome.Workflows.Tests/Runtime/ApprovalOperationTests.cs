using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Runtime;

public class ApprovalOperationTests
{
    // 申报 → 街镇初审 → 区科协审核, with a filing deadline on the whole case that correction must stop.
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <userTask id="apply" name="填写申报材料" camunda:candidateGroups="applicant" />
        <userTask id="street" name="街镇初审" camunda:candidateGroups="street" />
        <userTask id="district" name="区科协审核" camunda:candidateGroups="district" />
        <endEvent id="done" />
        <startEvent id="s2" /><intermediateCatchEvent id="filing" name="备案期限">
          <timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition>
        </intermediateCatchEvent><endEvent id="late" />
        """ + Bpmn.Flow("f1", "start", "apply") + Bpmn.Flow("f2", "apply", "street") + Bpmn.Flow("f3", "street", "district")
            + Bpmn.Flow("f4", "district", "done"));

    private static async Task<(TestEngine Kx, Guid Instance)> AtStreetReviewAsync()
    {
        var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        await kx.CompleteAsync(instance.Id, "apply", new { homeName = "之家" }, user: "applicant1");
        return (kx, instance.Id);
    }

    [Fact]
    public async Task A_copy_is_kept_with_its_history_line_and_mail_notice_and_lets_the_recipient_read_the_case()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");

        await kx.Engine.CopyTaskAsync(task.Id, "street1", "district9", "请知悉");

        (await kx.Engine.Queries.IsCopiedToAsync(id, "district9")).Should().BeTrue();
        (await kx.Engine.Queries.IsCopiedToAsync(id, "district8")).Should().BeFalse("only the recipient may read it");
        var copy = (await kx.Engine.Queries.QueryCopiesAsync("district9", 0, 10)).Should().ContainSingle().Subject;
        copy.Should().Match<TaskCopyView>(c => c.InstanceId == id && c.TaskId == task.Id && c.ByUserId == "street1");
        (await kx.GetAsync(id)).History.Should().ContainSingle(h => h.Kind == HistoryKind.TaskCopied && h.Comment == "请知悉");
        (await kx.Engine.Queries.PendingNoticesAsync(10)).Should().Contain(n => n.Kind == NoticeKind.TaskCopied && n.Recipient == "district9");
    }

    [Fact]
    public async Task A_copy_of_a_task_that_is_no_longer_open_leaves_nothing_behind()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");
        await kx.Engine.CompleteTaskAsync(task.Id, "street1");

        var copy = () => kx.Engine.CopyTaskAsync(task.Id, "street1", "district9", "晚了");

        await copy.Should().ThrowAsync<WorkflowException>();
        (await kx.Engine.Queries.IsCopiedToAsync(id, "district9")).Should().BeFalse();
        (await kx.GetAsync(id)).History.Should().NotContain(h => h.Kind == HistoryKind.TaskCopied);
    }

    [Fact]
    public async Task A_delegated_task_comes_back_to_the_delegator_who_then_decides()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");

        var delegated = await kx.Engine.DelegateTaskAsync(task.Id, "street1", "street2", "请先核实场地面积");
        delegated.Assignee.Should().Be("street2");
        delegated.DelegatedBy.Should().Be("street1");
        var byOwner = () => kx.Engine.CompleteTaskAsync(task.Id, "street1");
        await byOwner.Should().ThrowAsync<WorkflowException>("the delegate holds it now");

        await kx.Engine.CompleteTaskAsync(task.Id, "street2", new Dictionary<string, object?> { ["areaChecked"] = true }, "已核实，面积 45 平方米");
        var back = await kx.Engine.Queries.GetTaskAsync(task.Id);
        back.State.Should().Be(UserTaskState.Open, "a delegate resolves, the delegator decides");
        back.Assignee.Should().Be("street1");
        await kx.Engine.CompleteTaskAsync(task.Id, "street1");

        (await kx.OpenTaskAsync(id, "district")).Should().NotBeNull();
        var history = (await kx.GetAsync(id)).History;
        history.Should().Contain(h => h.Kind == HistoryKind.TaskDelegated && h.UserId == "street1" && h.Comment == "请先核实场地面积");
        history.Should().Contain(h => h.Kind == HistoryKind.TaskResolved && h.UserId == "street2" && h.Comment == "已核实，面积 45 平方米");
    }

    [Fact]
    public async Task A_transferred_task_belongs_to_the_new_person_only()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");

        await kx.Engine.TransferTaskAsync(task.Id, "street1", "street2", "工作调整");

        var byOld = () => kx.Engine.CompleteTaskAsync(task.Id, "street1");
        await byOld.Should().ThrowAsync<WorkflowException>();
        await kx.Engine.CompleteTaskAsync(task.Id, "street2");
        (await kx.Engine.Queries.GetTaskAsync(task.Id)).CompletedBy.Should().Be("street2");
    }

    [Fact]
    public async Task A_signer_added_after_signs_before_the_case_moves_on_and_one_added_before_signs_first()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");

        await kx.Engine.AddSignerAsync(task.Id, "street1", "expert1", before: true, "请专家先看");
        await kx.Engine.AddSignerAsync(task.Id, "expert1", "party1", before: false, "党工委会签");
        (await kx.Engine.Queries.GetTaskAsync(task.Id)).PendingSigners.Should().Equal("street1", "party1");

        await kx.Engine.CompleteTaskAsync(task.Id, "expert1", comment: "同意");
        (await kx.Engine.Queries.GetTaskAsync(task.Id)).Assignee.Should().Be("street1");
        await kx.Engine.CompleteTaskAsync(task.Id, "street1", comment: "同意");
        (await kx.Engine.Queries.GetTaskAsync(task.Id)).Assignee.Should().Be("party1");
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = id })).Should().ContainSingle().Which.ElementId.Should().Be("street");

        await kx.Engine.CompleteTaskAsync(task.Id, "party1", comment: "同意");
        (await kx.OpenTaskAsync(id, "district")).Should().NotBeNull();
        (await kx.GetAsync(id)).History.Count(h => h.Kind == HistoryKind.TaskSigned).Should().Be(2);
    }

    [Fact]
    public async Task A_rejection_by_a_signer_ends_the_signing_at_once()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");
        await kx.Engine.AddSignerAsync(task.Id, "street1", "party1", before: false, null);

        await kx.Engine.CompleteTaskAsync(task.Id, "street1", new Dictionary<string, object?> { ["approved"] = false }, "材料不全", final: true);

        (await kx.Engine.Queries.GetTaskAsync(task.Id)).State.Should().Be(UserTaskState.Completed);
    }

    [Fact]
    public async Task Returning_goes_back_to_a_step_already_passed_and_not_to_one_ahead()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        await kx.CompleteAsync(id, "street", user: "street1");
        var district = await kx.OpenTaskAsync(id, "district");

        var ahead = () => kx.Engine.ReturnTaskAsync(district.Id, "district1", "done", "x", correction: false);
        (await ahead.Should().ThrowAsync<WorkflowException>()).Which.Code.Should().Be("return-target-not-passed");
        var noReason = () => kx.Engine.ReturnTaskAsync(district.Id, "district1", "street", " ", correction: false);
        await noReason.Should().ThrowAsync<WorkflowException>();

        var outcome = await kx.Engine.ReturnTaskAsync(district.Id, "district1", "street", "初审意见不完整", correction: false);

        outcome.OpenedTasks.Should().ContainSingle().Which.ElementId.Should().Be("street");
        (await kx.Engine.Queries.GetTaskAsync(district.Id)).State.Should().Be(UserTaskState.Cancelled);
        var returned = (await kx.GetAsync(id)).History.Should().ContainSingle(h => h.Kind == HistoryKind.TaskReturned).Subject;
        returned.Comment.Should().Be("初审意见不完整");
        returned.Data!["toName"]!.GetValue<string>().Should().Be("街镇初审");
    }

    [Fact]
    public async Task A_correction_stops_the_deadline_clock_until_the_applicant_resubmits()
    {
        var kx = await TestEngine.StartAsync();
        await using var _ = kx;
        var key = await kx.DeployAsync(Bpmn.Process("c", """
            <startEvent id="start" />
            <userTask id="apply" name="填写申报材料" />
            <userTask id="street" name="街镇初审" />
            <boundaryEvent id="deadline" name="办结期限" attachedToRef="street" cancelActivity="false">
              <timerEventDefinition><timeDuration>P10D</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <parallelGateway id="fork" /><userTask id="report" name="年度报告" />
            <boundaryEvent id="yearEnd" name="年报期限" attachedToRef="report">
              <timerEventDefinition><timeDuration>P20D</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <endEvent id="done" /><endEvent id="late" /><endEvent id="e3" /><endEvent id="e4" />
            """ + Bpmn.Flow("f0", "start", "fork") + Bpmn.Flow("f1", "fork", "apply") + Bpmn.Flow("f1b", "fork", "report")
                + Bpmn.Flow("f2", "apply", "street") + Bpmn.Flow("f3", "street", "done") + Bpmn.Flow("f4", "deadline", "late")
                + Bpmn.Flow("f5", "report", "e3") + Bpmn.Flow("f6", "yearEnd", "e4")));
        var instance = await kx.StartAsync(key);
        await kx.CompleteAsync(instance.Id, "apply", user: "applicant1");
        kx.Clock.Advance(TimeSpan.FromDays(5));
        var street = await kx.OpenTaskAsync(instance.Id, "street");

        await kx.Engine.ReturnTaskAsync(street.Id, "street1", "apply", "请补充场地照片", correction: true);

        var report = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        report.ElementId.Should().Be("yearEnd");
        report.PausedAt.Should().NotBeNull("the case is with the applicant");
        report.Remaining.Should().Be(TimeSpan.FromDays(15));
        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);

        await kx.CompleteAsync(instance.Id, "apply", user: "applicant1");

        var resumed = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single(t => t.ElementId == "yearEnd");
        resumed.PausedAt.Should().BeNull();
        resumed.DueAt.Should().Be(kx.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(15));
        var history = (await kx.GetAsync(instance.Id)).History;
        history.Should().Contain(h => h.Kind == HistoryKind.CorrectionRequested && h.Comment == "请补充场地照片");
        (await kx.Engine.Queries.PendingNoticesAsync()).Should().Contain(n => n.Kind == NoticeKind.CorrectionRequested && n.InstanceId == instance.Id);
    }

    [Fact]
    public async Task An_applicant_may_withdraw_until_an_approver_acts()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var key = (await kx.GetAsync(id)).DefinitionKey;

        await kx.Engine.WithdrawAsync(id, "applicant1", ["applicant1"], "信息填错，重新申报");
        var withdrawn = await kx.GetAsync(id);
        withdrawn.Status.Should().Be(InstanceStatus.Cancelled);
        withdrawn.History.Should().Contain(h => h.Kind == HistoryKind.InstanceWithdrawn && h.Comment == "信息填错，重新申报");

        var second = await kx.StartAsync(key);
        await kx.CompleteAsync(second.Id, "apply", user: "applicant1");
        await kx.Engine.ClaimAsync((await kx.OpenTaskAsync(second.Id, "street")).Id, "street1");
        var tooLate = () => kx.Engine.WithdrawAsync(second.Id, "applicant1", ["applicant1"], null);
        (await tooLate.Should().ThrowAsync<WorkflowConflictException>()).Which.Code.Should().Be("already-reviewed");
        (await kx.GetAsync(second.Id)).Status.Should().Be(InstanceStatus.Active);
    }

    [Fact]
    public async Task Urging_is_recorded_and_refused_again_within_the_interval()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        var task = await kx.OpenTaskAsync(id, "street");

        await kx.Engine.UrgeTaskAsync(task.Id, "applicant1", "请尽快审核", TimeSpan.FromHours(24));
        var again = () => kx.Engine.UrgeTaskAsync(task.Id, "applicant1", null, TimeSpan.FromHours(24));
        (await again.Should().ThrowAsync<WorkflowConflictException>()).Which.Code.Should().Be("urge-too-soon");
        kx.Clock.Advance(TimeSpan.FromHours(25));
        await kx.Engine.UrgeTaskAsync(task.Id, "applicant1", null, TimeSpan.FromHours(24));

        (await kx.GetAsync(id)).History.Count(h => h.Kind == HistoryKind.TaskUrged).Should().Be(2);
        (await kx.Engine.Queries.PendingNoticesAsync()).Count(n => n.Kind == NoticeKind.TaskUrged).Should().Be(2);
    }

    [Fact]
    public async Task Every_new_task_and_a_decided_case_leave_a_notice_to_send_and_a_sent_one_is_not_given_again()
    {
        var (kx, id) = await AtStreetReviewAsync();
        await using var _ = kx;
        await kx.CompleteAsync(id, "street", user: "street1");
        await kx.CompleteAsync(id, "district", user: "district1");

        var notices = await kx.Engine.Queries.PendingNoticesAsync();
        notices.Where(n => n.Kind == NoticeKind.TaskCreated).Should().HaveCount(3, "apply, street, district");
        notices.Should().ContainSingle(n => n.Kind == NoticeKind.CaseEnded && n.InstanceId == id);

        foreach (var notice in notices) await kx.Engine.MarkNoticeSentAsync(notice.Id);
        (await kx.Engine.Queries.PendingNoticesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_notice_waits_for_its_retry_time()
    {
        var (kx, _) = await AtStreetReviewAsync();
        await using var __ = kx;
        var notice = (await kx.Engine.Queries.PendingNoticesAsync()).First();

        await kx.Engine.MarkNoticeFailedAsync(notice.Id, "SMTP 421", kx.Clock.GetUtcNow().UtcDateTime.AddMinutes(5));

        (await kx.Engine.Queries.PendingNoticesAsync()).Should().NotContain(n => n.Id == notice.Id);
        kx.Clock.Advance(TimeSpan.FromMinutes(5));
        (await kx.Engine.Queries.PendingNoticesAsync()).Should().ContainSingle(n => n.Id == notice.Id).Which.Attempts.Should().Be(1);
    }
}
