using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fires every timer that is due, earliest first, each in its own step. A timer whose case ended or whose
    /// activity is already done is dropped without effect, so firing twice changes nothing. Returns how many fired.
    /// </summary>
    public async Task<int> ExecuteDueTimersAsync(int maxTimers = 100, CancellationToken ct = default)
    {
        var fired = 0;
        for (var tries = 0; fired < maxTimers && tries < maxTimers * 2; tries++)
        {
            FiredTimer? result;
            try
            {
                result = await TransactAsync(session => FireNextDueTimerAsync(session, ct), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The earliest due timer cannot fire (its step failed and was rolled back): it is tried again after a
                // back-off, so the timers behind it are not held up, and after the retry policy's attempts no more.
                await TransactAsync(session => RecordTimerFailureAsync(session, ex, ct), ct);
                continue;
            }
            if (result is null) break;
            if (result.Fired) fired++;
        }
        return fired;
    }

    /// <summary>Pending timers (deadlines), earliest first.</summary>
    public async Task<IReadOnlyList<TimerView>> QueryTimersAsync(TimerQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var timers = db.Timers.AsNoTracking();
        if (query.InstanceId is { } instanceId) timers = timers.Where(t => t.InstanceId == instanceId);
        if (query.InstanceIds is { } instanceIds) timers = timers.Where(t => t.InstanceId != null && instanceIds.Contains(t.InstanceId.Value));
        if (query.BusinessKey is { } businessKey) timers = timers.Where(t => t.BusinessKey == businessKey);
        if (query.DefinitionKey is { } definitionKey) timers = timers.Where(t => t.DefinitionKey == definitionKey);
        if (query.DueBefore is { } dueBefore) timers = timers.Where(t => t.DueAt < dueBefore);
        var rows = await timers.OrderBy(t => t.DueAt).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return rows.Select(t => new TimerView(t.Id, t.InstanceId, t.BusinessKey, t.DefinitionKey, t.ElementId, t.ElementName,
            t.DueAt, t.CreatedAt, t.PausedAt, t.RemainingSeconds is { } left ? TimeSpan.FromSeconds(left) : null)).ToList();
    }

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

    private async Task WriteTimerChangeAsync(StepSession session, TimerRow timer, (HistoryKind Kind, JsonObject Data) change,
        string userId, string reason, CancellationToken ct)
    {
        await TimerStore.SaveDeadlineAsync(session, timer, ct);
        await StepWriter.InsertHistoryAsync(session, timer.InstanceId!.Value,
            [new HistoryRecord(change.Kind, Now, timer.ElementId, timer.ElementName ?? timer.ElementId, UserId: userId, Comment: reason, Data: change.Data)], ct);
    }

    /// <summary>Fires the earliest due timer; null when none is due. A stale timer is removed and gives no step.</summary>
    private async Task<FiredTimer?> FireNextDueTimerAsync(StepSession session, CancellationToken ct)
    {
        var timer = await TimerStore.TakeNextDueAsync(session, Now, _options.DefaultRetry.Attempts, ct);
        if (timer is null) return null;
        var firing = new TimerFiring(timer.Id, timer.DueAt, timer.Cycle, timer.Fired);
        if (timer.InstanceId is not { } instanceId) return new FiredTimer(await StartByTimerAsync(session, timer, firing, ct));
        var instance = await StepReader.InstanceHeaderAsync(session, instanceId, ct);
        if (instance is not { Status: InstanceStatus.Active }) return new FiredTimer(false);
        var (row, step) = await LoadStepAsync(session, instanceId, ct);
        if (!step.FireTimer(firing)) return new FiredTimer(false);
        await SaveAsync(session, row, step, null, isNew: false, ct);
        return new FiredTimer(true);
    }

    /// <summary>
    /// The earliest due timer failed to fire. Below the retry policy's attempts it falls due again after the back-off
    /// (recorded in its case's history); at the limit it is no longer tried: a case's timer raises an incident, which an
    /// administrator retries once the cause is fixed, and a start timer waits until its flow is published again.
    /// Either way the log says so.
    /// </summary>
    private async Task<bool> RecordTimerFailureAsync(StepSession session, Exception error, CancellationToken ct)
    {
        var policy = _options.DefaultRetry;
        var timer = await TimerStore.NextDueAsync(session, Now, policy.Attempts, ct);
        if (timer is null) return false;
        var attempt = timer.Attempts + 1;
        var element = timer.ElementName ?? timer.ElementId;
        if (attempt < policy.Attempts)
        {
            var retryAt = Now + policy.BackoffAfter(attempt);
            await TimerStore.RetryLaterAsync(session, timer.Id, attempt, retryAt, ct);
            _log.LogWarning(error, "Timer {Timer} at {Element} of {Flow} (case {Case}) failed to fire, attempt {Attempt} of {Attempts}; next try at {RetryAt:O}",
                timer.Id, timer.ElementId, timer.DefinitionKey, timer.InstanceId, attempt, policy.Attempts, retryAt);
            if (timer.InstanceId is { } instanceId)
            {
                await StepWriter.InsertHistoryAsync(session, instanceId,
                    [new HistoryRecord(HistoryKind.TimerFailed, Now, timer.ElementId, element, Comment: error.Message,
                        Data: new JsonObject { ["attempt"] = attempt, ["retryAt"] = VariableValues.FormatDateTime(retryAt) })], ct);
            }
            return true;
        }
        await TimerStore.GiveUpAsync(session, timer.Id, attempt, ct);
        _log.LogError(error, "Timer {Timer} at {Element} of {Flow} (case {Case}) failed {Attempts} times and is no longer tried; {Repair}",
            timer.Id, timer.ElementId, timer.DefinitionKey, timer.InstanceId, attempt,
            timer.InstanceId is null ? "publish the flow again to arm its start timers anew" : "retry the incident on the case once the cause is fixed");
        if (timer.InstanceId is { } caseId)
        {
            var message = $"期限事件触发失败 {attempt} 次：{error.Message}";
            await IncidentStore.RaiseAsync(session, Guid.NewGuid(), caseId, timer.ElementId, TimerFailedIncident, message, Now, ct);
            await StepWriter.InsertHistoryAsync(session, caseId, [new HistoryRecord(HistoryKind.IncidentRaised, Now, timer.ElementId, element, Comment: message)], ct);
        }
        return true;
    }

    /// <summary>The kind of incident a case's timer raises when it keeps failing to fire.</summary>
    private const string TimerFailedIncident = "timer-failed";

    /// <summary>Retrying a timer's incident: the case's timers at that element that were given up on fall due now.</summary>
    private async Task RetryTimerIncidentAsync(StepSession session, IncidentRow incident, string? userId, CancellationToken ct)
    {
        await TimerStore.RetryGivenUpAsync(session, incident.InstanceId, incident.ElementId, Now, _options.DefaultRetry.Attempts, ct);
        await IncidentStore.ResolveAsync(session, incident.Id, userId, Now, ct);
        await StepWriter.InsertHistoryAsync(session, incident.InstanceId,
            [new HistoryRecord(HistoryKind.IncidentRetried, Now, incident.ElementId, incident.ElementId, UserId: userId)], ct);
    }

    /// <summary>
    /// A timer start event fired: a new instance starts there, and a cycle arms its next occurrence. A timer of a
    /// version that is no longer the latest is dropped.
    /// </summary>
    private async Task<bool> StartByTimerAsync(StepSession session, TimerRow timer, TimerFiring firing, CancellationToken ct)
    {
        var definition = await StepReader.DefinitionAsync(session, timer.DefinitionKey, null, ct);
        if (definition is null || definition.Id != timer.DefinitionId) return false;
        var model = await _definitions.GetAsync(session, definition.Id, ct);
        var node = model.Node(timer.ElementId);
        if (TimerDue.Next(firing, null, node, Now, _services) is { } next)
        {
            await TimerStore.InsertAsync(session, next, null, definition.Id, definition.Key, null, Now, ct);
        }
        await CreateInstanceAsync(session, definition, model, new Dictionary<string, JsonNode?>(), null, null, node.Id, ct);
        return true;
    }

    /// <summary>Arms the timer start events of a newly deployed version, replacing those of the versions before it.</summary>
    private async Task ArmStartTimersAsync(StepSession session, DefinitionRow definition, ProcessModel model, CancellationToken ct)
    {
        await TimerStore.DeleteStartTimersAsync(session, definition.Key, ct);
        foreach (var start in model.Root.Nodes.OfType<TimerStartNode>())
        {
            NewTimer timer;
            try
            {
                var value = _services.Expressions.Evaluate(start.Timer.Value, new Dictionary<string, JsonNode?>());
                timer = TimerDue.Arm(start.Timer, value, start, null, Now, _services);
            }
            catch (Exception ex) when (IncidentException.StopsTheToken(ex))
            {
                throw new BpmnValidationException([new BpmnProblem("bad-timer", ex.Message, start.Id, 0, 0)]);
            }
            await TimerStore.InsertAsync(session, timer, null, definition.Id, definition.Key, null, Now, ct);
        }
    }

    private sealed record FiredTimer(bool Fired);
}
