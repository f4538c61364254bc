using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
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
            await IncidentStore.RaiseAsync(session, Ids.Random(), caseId, timer.ElementId, TimerFailedIncident, message, Now, ct);
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
