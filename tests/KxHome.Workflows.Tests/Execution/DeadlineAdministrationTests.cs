using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class DeadlineAdministrationTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><userTask id="rectify" name="整改" />
        <boundaryEvent id="window" name="整改期限" attachedToRef="rectify">
          <timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition>
        </boundaryEvent>
        <endEvent id="done" /><endEvent id="revoked" />
        """ + Bpmn.Flow("f1", "start", "rectify") + Bpmn.Flow("f2", "rectify", "done") + Bpmn.Flow("f3", "window", "revoked"));

    private static async Task<(TestEngine Kx, InstanceView Instance, TimerView Timer)> StartAsync()
    {
        var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        var timer = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        return (kx, instance, timer);
    }

    [Fact]
    public async Task An_extended_deadline_fires_at_its_new_time_and_the_reason_is_in_the_history()
    {
        var (kx, instance, timer) = await StartAsync();
        await using var _ = kx;

        await kx.Engine.ExtendTimerAsync(timer.Id, timer.DueAt.AddDays(3), "admin1", "疫情原因顺延三天");

        kx.Clock.Advance(TimeSpan.FromDays(7));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0, "the deadline moved");
        kx.Clock.Advance(TimeSpan.FromDays(3));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);
        var history = (await kx.GetAsync(instance.Id)).History;
        var extended = history.Should().ContainSingle(h => h.Kind == HistoryKind.TimerExtended).Subject;
        extended.UserId.Should().Be("admin1");
        extended.Comment.Should().Be("疫情原因顺延三天");
        extended.ElementName.Should().Be("整改期限");
        extended.Data!["to"]!.GetValue<string>().Should().Be(VariableValues.FormatDateTime(timer.DueAt.AddDays(3)));
    }

    [Fact]
    public async Task A_deadline_cannot_be_moved_earlier_and_a_refusal_changes_nothing()
    {
        var (kx, instance, timer) = await StartAsync();
        await using var _ = kx;

        var earlier = () => kx.Engine.ExtendTimerAsync(timer.Id, timer.DueAt.AddDays(-1), "admin1", "提前");
        var noReason = () => kx.Engine.ExtendTimerAsync(timer.Id, timer.DueAt.AddDays(1), "admin1", " ");

        (await earlier.Should().ThrowAsync<WorkflowException>()).Which.Code.Should().Be("timer-not-later");
        (await noReason.Should().ThrowAsync<WorkflowException>()).Which.Message.Should().Be("请填写原因");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single().DueAt.Should().Be(timer.DueAt);
        (await kx.GetAsync(instance.Id)).History.Should().NotContain(h => h.Kind == HistoryKind.TimerExtended);
    }

    [Fact]
    public async Task A_paused_clock_does_not_run_and_resuming_keeps_the_time_that_was_left()
    {
        var (kx, instance, timer) = await StartAsync();
        await using var _ = kx;
        kx.Clock.Advance(TimeSpan.FromDays(3));

        await kx.Engine.PauseTimerAsync(timer.Id, "admin1", "材料退回申请单位补正");
        var paused = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        paused.PausedAt.Should().NotBeNull();
        paused.Remaining.Should().Be(TimeSpan.FromDays(4));

        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0, "the clock is stopped while the applicant corrects the materials");
        await kx.Engine.ResumeTimerAsync(timer.Id, "admin1", "补正材料已收到");
        kx.Clock.Advance(TimeSpan.FromDays(4) - TimeSpan.FromSeconds(1));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        kx.Clock.Advance(TimeSpan.FromSeconds(1));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        var kinds = (await kx.GetAsync(instance.Id)).History.Select(h => h.Kind).ToList();
        kinds.Should().ContainInOrder(HistoryKind.TimerPaused, HistoryKind.TimerResumed, HistoryKind.TimerFired);
    }

    [Fact]
    public async Task A_deadline_that_already_fired_cannot_be_extended()
    {
        var (kx, _, timer) = await StartAsync();
        await using var __ = kx;
        kx.Clock.Advance(TimeSpan.FromDays(8));
        await kx.Engine.ExecuteDueTimersAsync();

        var act = () => kx.Engine.ExtendTimerAsync(timer.Id, timer.DueAt.AddDays(30), "admin1", "顺延");

        (await act.Should().ThrowAsync<WorkflowNotFoundException>()).Which.Message.Should().Contain("已到期");
    }

    [Fact]
    public async Task A_paused_working_day_deadline_keeps_its_working_days_not_its_hours()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow.Replace("<timerEventDefinition>", """<timerEventDefinition kx:calendar="workdays">""").Replace("P7D", "P3D"));
        kx.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 2026-03-03, 09:00 in Beijing
        var instance = await kx.StartAsync(key);
        var timer = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        timer.DueAt.Should().Be(new DateTime(2026, 3, 6, 15, 59, 59, DateTimeKind.Utc), "the end of Friday");

        kx.Clock.Advance(TimeSpan.FromDays(1)); // Wednesday: Thursday and Friday are left
        await kx.Engine.PauseTimerAsync(timer.Id, "admin1", "退回补正");
        kx.Clock.Advance(TimeSpan.FromDays(2)); // Friday
        await kx.Engine.ResumeTimerAsync(timer.Id, "admin1", "补正完成");

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single().DueAt
            .Should().Be(new DateTime(2026, 3, 10, 15, 59, 59, DateTimeKind.Utc), "two working days after Friday: Monday, Tuesday");
    }
}
