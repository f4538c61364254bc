using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// Deadlines: what administrators see and change about a case's waiting timers.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Moves a running deadline to a later time, with the reason kept in the case's history. Refused for a time
    /// that is not later than both now and the current due time, and for a paused deadline (resume it first).
    /// </summary>
    public Task ExtendTimerAsync(Guid timerId, DateTime newDueAt, string userId, string reason, CancellationToken ct = default) =>
        ChangeTimerAsync(timerId, userId, reason, (timer, now) =>
        {
            if (timer.PausedAt is not null) throw new WorkflowConflictException("timer-paused", "该期限已暂停计时，请先恢复计时");
            if (newDueAt <= now || newDueAt <= timer.DueAt)
            {
                throw new WorkflowException("timer-not-later", "新的期限须晚于当前期限和当前时间");
            }
            var data = new JsonObject { ["from"] = VariableValues.FormatDateTime(timer.DueAt), ["to"] = VariableValues.FormatDateTime(newDueAt) };
            timer.DueAt = newDueAt;
            return (HistoryKind.TimerExtended, data);
        }, ct);

    /// <summary>
    /// Makes a waiting timer fall due now (a repair: the wait is over early, e.g. a year's stage skipped in training),
    /// with the reason kept in the case's history; it fires on the next round like any due timer.
    /// </summary>
    public Task DueNowAsync(Guid timerId, string userId, string reason, CancellationToken ct = default) =>
        ChangeTimerAsync(timerId, userId, reason, (timer, now) =>
        {
            if (timer.PausedAt is not null) throw new WorkflowConflictException("timer-paused", "该期限已暂停计时，请先恢复计时");
            var data = new JsonObject { ["from"] = VariableValues.FormatDateTime(timer.DueAt), ["to"] = VariableValues.FormatDateTime(now) };
            timer.DueAt = now;
            return (HistoryKind.TimerDueNow, data);
        }, ct);

    /// <summary>Stops a deadline clock (补正: the case is back with the applicant); the time left is kept.</summary>
    public Task PauseTimerAsync(Guid timerId, string userId, string reason, CancellationToken ct = default) =>
        ChangeTimerAsync(timerId, userId, reason, (timer, now) =>
        {
            if (timer.PausedAt is not null) throw new WorkflowConflictException("timer-paused", "该期限已在暂停中");
            return Pause(timer, now);
        }, ct);

    /// <summary>
    /// Restarts a paused deadline clock: it falls due after the time that was left when it was paused (for a
    /// working-day deadline, the working days that were left).
    /// </summary>
    public Task ResumeTimerAsync(Guid timerId, string userId, string reason, CancellationToken ct = default) =>
        ChangeTimerAsync(timerId, userId, reason, (timer, now) =>
        {
            if (timer.PausedAt is null) throw new WorkflowConflictException("timer-running", "该期限没有暂停");
            return Resume(timer, now);
        }, ct);

    private (HistoryKind Kind, JsonObject Data) Pause(TimerRow timer, DateTime now)
    {
        var left = (long)Math.Max(0, Math.Ceiling((timer.DueAt - now).TotalSeconds));
        timer.PausedAt = now;
        timer.RemainingSeconds = left;
        if (timer.WorkingDays)
        {
            var zone = _services.BusinessTimeZone;
            timer.RemainingWorkingDays = _services.Calendar.WorkingDaysBetween(
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone)),
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(timer.DueAt, zone)));
        }
        return (HistoryKind.TimerPaused, new JsonObject { ["remainingSeconds"] = left });
    }

    private (HistoryKind Kind, JsonObject Data) Resume(TimerRow timer, DateTime now)
    {
        timer.DueAt = timer.RemainingWorkingDays is { } days
            ? _services.Calendar.DueAfterWorkingDays(now, days, _services.BusinessTimeZone)
            : now + TimeSpan.FromSeconds(timer.RemainingSeconds ?? 0);
        timer.PausedAt = null;
        timer.RemainingSeconds = null;
        timer.RemainingWorkingDays = null;
        timer.PausedForCorrection = false;
        return (HistoryKind.TimerResumed, new JsonObject { ["dueAt"] = VariableValues.FormatDateTime(timer.DueAt) });
    }

    private async Task ChangeTimerAsync(Guid timerId, string userId, string reason,
        Func<TimerRow, DateTime, (HistoryKind Kind, JsonObject Data)> change, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new WorkflowException("reason-required", "请填写原因");
        await TransactAsync(async session =>
        {
            var timer = (await TimerStore.DeadlinesAsync(session, "Id = @p0", ct, timerId)).SingleOrDefault()
                ?? throw new WorkflowNotFoundException("timer-not-found", "该期限已到期或已不存在");
            if (timer.InstanceId is null) throw new WorkflowException("timer-not-a-deadline", "定时开始事件不是案件的期限，请修改流程后重新发布");
            await WriteTimerChangeAsync(session, timer, change(timer, Now), userId, reason.Trim(), ct);
            return true;
        }, ct);
    }

    /// <summary>The case's deadline clocks stopped for a correction run again: the corrected task is done.</summary>
    private async Task ResumeAfterCorrectionAsync(StepSession session, Guid instanceId, DateTime now, string userId, CancellationToken ct)
    {
        foreach (var timer in await TimerStore.DeadlinesAsync(session, "InstanceId = @p0 AND PausedForCorrection = TRUE", ct, instanceId))
        {
            await WriteTimerChangeAsync(session, timer, Resume(timer, now), userId, "补正后重新提交，恢复计时", ct);
        }
    }

    private async Task WriteTimerChangeAsync(StepSession session, TimerRow timer, (HistoryKind Kind, JsonObject Data) change,
        string userId, string reason, CancellationToken ct)
    {
        await TimerStore.SaveDeadlineAsync(session, timer, ct);
        await StepWriter.InsertHistoryAsync(session, timer.InstanceId!.Value,
            [new HistoryRecord(change.Kind, Now, timer.ElementId, timer.ElementName ?? timer.ElementId, UserId: userId, Comment: reason, Data: change.Data)], ct);
    }
}
