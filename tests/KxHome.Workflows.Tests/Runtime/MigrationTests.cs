using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Runtime;

public class MigrationTests
{
    // 申报 → 街镇科协初审 → …; version 2 adds 区科协复核 after the street review, and gives the review another assignee
    // expression that an open task must not pick up.
    private static string Flow(string assignee, string tail) => Bpmn.Process("cert", $"""
        <startEvent id="start" />
        <userTask id="apply" name="填写申报材料" />
        <userTask id="streetReview" name="街镇科协初审" camunda:assignee="{assignee}" camunda:candidateGroups="street" camunda:dueDate="P5D" />
        {tail}
        """ + Bpmn.Flow("f1", "start", "apply") + Bpmn.Flow("f2", "apply", "streetReview"));

    private static readonly string V1 = Flow("street1", """<endEvent id="end" />""" + Bpmn.Flow("f3", "streetReview", "end"));

    private static readonly string V2 = Flow("street2", """
        <userTask id="districtCheck" name="区科协复核" camunda:candidateGroups="district" /><endEvent id="end" />
        """ + Bpmn.Flow("f3", "streetReview", "districtCheck") + Bpmn.Flow("f4", "districtCheck", "end"));

    private static async Task<(TestEngine Kx, Guid Instance)> AtStreetReviewAsync(string v2)
    {
        var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(V1);
        var instance = await kx.StartAsync("cert");
        await kx.CompleteAsync(instance.Id, "apply", user: "applicant1");
        await kx.DeployAsync(v2);
        return (kx, instance.Id);
    }

    private static int Count(InstanceView view, HistoryKind kind, string elementId) =>
        view.History.Count(h => h.Kind == kind && h.ElementId == elementId);

    [Fact]
    public async Task The_dry_run_says_where_the_waiting_task_goes_and_what_is_new_and_changes_nothing()
    {
        var (kx, id) = await AtStreetReviewAsync(V2);
        await using var _ = kx;
        var review = await kx.OpenTaskAsync(id, "streetReview");

        var plan = await kx.Engine.PlanMigrationAsync(id, "cert:2");

        plan.CanMigrate.Should().BeTrue();
        plan.Should().Match<MigrationPlan>(p => p.FromVersion == 1 && p.ToVersion == 2 && p.ToDefinitionId == "cert:2");
        plan.Moves.Should().ContainSingle().Which.Should().Be(
            new MigrationMove("streetReview", "街镇科协初审", "街镇科协初审", MigrationWaitKind.UserTask, review.Id));
        plan.Added.Select(a => a.ElementId).Should().Equal("districtCheck");
        plan.Removed.Should().BeEmpty();
        var after = await kx.GetAsync(id);
        after.DefinitionVersion.Should().Be(1);
        after.History.Should().NotContain(h => h.Kind == HistoryKind.InstanceMigrated);
    }

    [Fact]
    public async Task A_migrated_case_keeps_its_open_task_and_goes_on_under_the_new_version_without_repeating_a_step()
    {
        var (kx, id) = await AtStreetReviewAsync(V2);
        await using var _ = kx;
        var review = await kx.OpenTaskAsync(id, "streetReview");

        await kx.Engine.MigrateAsync(id, "cert:2", "admin1");

        var migrated = await kx.GetAsync(id);
        migrated.Should().Match<InstanceView>(i => i.DefinitionId == "cert:2" && i.DefinitionVersion == 2);
        migrated.History.Should().ContainSingle(h => h.Kind == HistoryKind.InstanceMigrated)
            .Which.Should().Match<HistoryEntry>(h => h.UserId == "admin1" && h.Comment == "第 1 版 → 第 2 版");
        var open = await kx.OpenTaskAsync(id, "streetReview");
        open.Should().Match<UserTaskView>(t => t.Id == review.Id && t.Assignee == "street1" && t.DueAt == review.DueAt);
        open.CandidateGroups.Should().Equal("street");

        await kx.Engine.CompleteTaskAsync(review.Id, "street1");

        (await kx.OpenTaskAsync(id, "districtCheck")).Name.Should().Be("区科协复核");
        var after = await kx.GetAsync(id);
        Count(after, HistoryKind.TaskCreated, "apply").Should().Be(1, "a completed step never runs again (elsa-core#6620)");
        Count(after, HistoryKind.ElementEntered, "apply").Should().Be(1);
        Count(after, HistoryKind.TaskCreated, "streetReview").Should().Be(1, "the waiting task is not created again");
        Count(after, HistoryKind.ElementEntered, "start").Should().Be(1);
    }

    [Fact]
    public async Task A_case_waiting_at_a_step_the_new_version_removed_cannot_move_and_stays_as_it_was()
    {
        var withoutReview = Bpmn.Process("cert", """
            <startEvent id="start" /><userTask id="apply" name="填写申报材料" /><userTask id="districtCheck" name="区科协复核" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "apply") + Bpmn.Flow("f2", "apply", "districtCheck") + Bpmn.Flow("f3", "districtCheck", "end"));
        var (kx, id) = await AtStreetReviewAsync(withoutReview);
        await using var _ = kx;
        var review = await kx.OpenTaskAsync(id, "streetReview");

        var plan = await kx.Engine.PlanMigrationAsync(id, "cert:2");
        var migrate = () => kx.Engine.MigrateAsync(id, "cert:2", "admin1");

        plan.CanMigrate.Should().BeFalse();
        plan.Blockers.Should().ContainSingle().Which.Should().Match<MigrationBlocker>(b =>
            b.ElementId == "streetReview" && b.Code == "element-missing" && b.Reason == "街镇科协初审（streetReview）在第 2 版中不存在");
        var refused = (await migrate.Should().ThrowAsync<WorkflowException>()).Which;
        refused.Code.Should().Be("migration-blocked");
        refused.Message.Should().Contain("街镇科协初审（streetReview）在第 2 版中不存在");
        var after = await kx.GetAsync(id);
        after.DefinitionVersion.Should().Be(1);
        after.History.Should().NotContain(h => h.Kind == HistoryKind.InstanceMigrated);
        (await kx.OpenTaskAsync(id, "streetReview")).Id.Should().Be(review.Id);
    }

    [Fact]
    public async Task A_pending_deadline_keeps_its_due_time_and_fires_on_the_new_version()
    {
        static string Deadline(string escalation) => Bpmn.Process("cert", $"""
            <startEvent id="start" />
            <userTask id="review" name="区科协审核" />
            <boundaryEvent id="overdue" name="审核超期" attachedToRef="review">
              <timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition>
            </boundaryEvent>
            {escalation}<endEvent id="done" /><endEvent id="escalated" />
            """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "done"));
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Deadline("""<userTask id="urge" name="催办" />""" + Bpmn.Flow("f3", "overdue", "urge") + Bpmn.Flow("f4", "urge", "escalated")));
        var instance = await kx.StartAsync("cert");
        await kx.DeployAsync(Deadline("""<userTask id="supervise" name="督办" />""" + Bpmn.Flow("f3", "overdue", "supervise")
            + Bpmn.Flow("f4", "supervise", "escalated")));
        var deadline = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        kx.Clock.Advance(TimeSpan.FromDays(2));

        var plan = await kx.Engine.MigrateAsync(instance.Id, "cert:2", "admin1");

        plan.Moves.Should().Contain(m => m.ElementId == "overdue" && m.Wait == MigrationWaitKind.BoundaryTimer && m.WaitId == deadline.Id);
        var moved = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        moved.Should().Match<TimerView>(t => t.Id == deadline.Id && t.DueAt == deadline.DueAt);
        await using (var db = await kx.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            (await db.Timers.SingleAsync()).DefinitionId.Should().Be("cert:2");
        }
        kx.Clock.Advance(TimeSpan.FromDays(5));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);
        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("supervise");
        Count(after, HistoryKind.TimerArmed, "overdue").Should().Be(1, "the deadline is not armed again");
    }

    [Fact]
    public async Task Another_process_the_same_version_an_ended_case_and_an_unknown_version_are_refused()
    {
        var (kx, id) = await AtStreetReviewAsync(V2);
        await using var _ = kx;
        await kx.DeployAsync(Bpmn.Process("other", """<startEvent id="start" /><endEvent id="end" />""" + Bpmn.Flow("f1", "start", "end")));
        var ended = await kx.StartAsync("cert");
        await kx.Engine.CancelAsync(ended.Id, "admin1", "测试");

        async Task<string> Refusal(Guid instanceId, string target)
        {
            var plan = () => kx.Engine.PlanMigrationAsync(instanceId, target);
            var migrate = () => kx.Engine.MigrateAsync(instanceId, target, "admin1");
            var code = (await plan.Should().ThrowAsync<WorkflowException>()).Which.Code;
            (await migrate.Should().ThrowAsync<WorkflowException>()).Which.Code.Should().Be(code);
            return code;
        }

        (await Refusal(id, "other:1")).Should().Be("migration-other-process");
        (await Refusal(id, "cert:1")).Should().Be("migration-same-version");
        (await Refusal(id, "cert:9")).Should().Be("definition-not-found");
        (await Refusal(ended.Id, "cert:1")).Should().Be("instance-ended");
        (await kx.GetAsync(id)).DefinitionVersion.Should().Be(1);
    }

    [Fact]
    public async Task A_countersign_half_done_moves_with_its_signatures_and_no_signer_is_asked_again()
    {
        static string Countersign(string tail) => Bpmn.Process("cert", """
            <startEvent id="start" />
            <subProcess id="review" name="专家评审">
              <startEvent id="s" />
              <userTask id="sign" name="专家会签" camunda:assignee="${expert}">
                <multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert" />
              </userTask>
              <endEvent id="e" />
            """ + Bpmn.Flow("g1", "s", "sign") + Bpmn.Flow("g2", "sign", "e") + "</subProcess>" + tail + Bpmn.Flow("f1", "start", "review"));
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Countersign("""<endEvent id="end" />""" + Bpmn.Flow("f2", "review", "end")));
        var instance = await kx.StartAsync("cert", new { experts = new[] { "zhang", "li", "wang" } });
        await kx.DeployAsync(Countersign("""<userTask id="decide" name="结论" /><endEvent id="end" />"""
            + Bpmn.Flow("f2", "review", "decide") + Bpmn.Flow("f3", "decide", "end")));
        var tasks = await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id });
        await kx.Engine.CompleteTaskAsync(tasks[0].Id, tasks[0].Assignee!);

        var plan = await kx.Engine.MigrateAsync(instance.Id, "cert:2", "admin1");

        plan.Moves.Select(m => m.Wait).Should().BeEquivalentTo(
            [MigrationWaitKind.SubProcess, MigrationWaitKind.MultiInstance, MigrationWaitKind.UserTask, MigrationWaitKind.UserTask]);
        foreach (var task in tasks.Skip(1)) await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee!);
        (await kx.OpenTaskAsync(instance.Id, "decide")).Should().NotBeNull();
        Count(await kx.GetAsync(instance.Id), HistoryKind.TaskCreated, "sign").Should().Be(3);
    }

    [Fact]
    public async Task A_task_moved_out_of_its_sub_process_blocks_the_migration()
    {
        static string Nested(bool inside) => Bpmn.Process("cert", (inside
            ? """<subProcess id="material" name="补充材料"><startEvent id="s" /><userTask id="upload" name="上传材料" /><endEvent id="e" />"""
              + Bpmn.Flow("g1", "s", "upload") + Bpmn.Flow("g2", "upload", "e") + "</subProcess>"
            : """<subProcess id="material" name="补充材料"><startEvent id="s" /><endEvent id="e" />""" + Bpmn.Flow("g1", "s", "e")
              + """</subProcess><userTask id="upload" name="上传材料" />""" + Bpmn.Flow("f3", "material", "upload") + Bpmn.Flow("f4", "upload", "end"))
            + """<startEvent id="start" /><endEvent id="end" />""" + Bpmn.Flow("f1", "start", "material")
            + (inside ? Bpmn.Flow("f2", "material", "end") : ""));
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Nested(inside: true));
        var instance = await kx.StartAsync("cert");
        await kx.DeployAsync(Nested(inside: false));

        var plan = await kx.Engine.PlanMigrationAsync(instance.Id, "cert:2");

        plan.Blockers.Should().ContainSingle().Which.Should().Match<MigrationBlocker>(b =>
            b.Code == "element-scope-changed" && b.Reason == "上传材料（upload）在第 2 版中所在的层级不同（子流程补充材料（material） → 流程顶层）");
    }

    [Fact]
    public async Task A_job_queued_before_the_case_moved_works_out_its_inputs_from_the_new_version()
    {
        static string Grant(string amount) => Bpmn.Process("grant", $"""
            <startEvent id="start" />
            <serviceTask id="pay" name="发放建设资助" camunda:type="external" camunda:topic="grant">
              <extensionElements><camunda:inputOutput><camunda:inputParameter name="amount">{amount}</camunda:inputParameter></camunda:inputOutput></extensionElements>
            </serviceTask>
            <endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "pay") + Bpmn.Flow("f2", "pay", "end"));
        var handler = new RecordingHandler("grant");
        await using var kx = await TestEngine.StartAsync(handler);
        await kx.DeployAsync(Grant("30000"));
        var instance = await kx.StartAsync("grant"); // the job is queued in this process, not run yet
        await kx.DeployAsync(Grant("50000"));

        await kx.Engine.MigrateAsync(instance.Id, "grant:2", "admin1");
        await kx.Engine.ExecuteDueJobsAsync();

        handler.Calls.Should().ContainSingle().Which.Should().Match<ServiceTaskContext>(c =>
            c.DefinitionId == "grant:2" && c.Variables["amount"]!.ToString() == "50000");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }
}
