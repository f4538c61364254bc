using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// Every step runs here: one transaction, retried when another step changed the case meanwhile; load, act, save.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Runs one unit of work in one transaction and commits it; runs it again, from a fresh read, when the database
    /// was busy or another step changed the instance meanwhile.
    /// </summary>
    private async Task<T> TransactAsync<T>(Func<StepSession, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await StepSession.BeginAsync(_writer, ct);
                var result = await work(session);
                await session.CommitAsync(ct);
                foreach (var step in session.Written) AfterCommit(step);
                if (session.AlarmsToSet.Count > 0) _alarm.Set(session.AlarmsToSet);
                if (session.AlarmsToSilence.Count > 0) _alarm.Silence(session.AlarmsToSilence);
                return result;
            }
            catch (StaleInstanceException) when (attempt < MaxAttempts)
            {
                // Another step moved the instance first; run this one again on the fresh state.
            }
            catch (StaleInstanceException)
            {
                throw new WorkflowConflictException("concurrent-change", "流程实例正被他人同时处理，请刷新后重试");
            }
            catch (Exception ex) when (Transient.IsBusy(ex) && attempt < Transient.MaxAttempts)
            {
                // The database was busy, or (PostgreSQL) another host wrote the same rows first; nothing was written.
                // Waiting a random moment keeps two hosts that collided on a hot row (a case-number counter) from
                // colliding again in step.
                await Task.Delay(Transient.Backoff(attempt), ct);
            }
        }
    }

    private async Task<(InstanceRow Row, Step Step)> LoadStepAsync(StepSession session, Guid instanceId, CancellationToken ct)
    {
        var row = await StepReader.InstanceHeaderAsync(session, instanceId, ct)
            ?? throw new WorkflowNotFoundException("instance-not-found", "流程实例不存在");
        if (row.Status != InstanceStatus.Active)
        {
            throw new WorkflowConflictException("instance-ended", "流程实例已结束，不能再办理");
        }
        var model = await _definitions.GetAsync(session, row.DefinitionId, ct);
        var state = session.CachedState(instanceId, row.Revision)
            ?? StateSerializer.Read((await StepReader.StateAsync(session, instanceId, ct))!);
        return (row, new Step(model, state, _services));
    }

    /// <summary>
    /// Writes a step, then, in the same transaction, what follows from it: instances its call activities start,
    /// called instances it cancelled, and the caller of an instance that just ended.
    /// </summary>
    private async Task<IReadOnlyList<HistoryEntry>> SaveAsync(StepSession session, InstanceRow row, Step step, string? userId,
        bool isNew, CancellationToken ct)
    {
        var children = new List<(NewChildInstance Child, DefinitionRow Definition)>();
        foreach (var child in step.NewChildren)
        {
            var definition = await StepReader.DefinitionAsync(session, child.DefinitionKey, child.Version, ct);
            if (definition is null)
            {
                var version = child.Version is { } v ? $" 第 {v} 版" : "";
                step.FailCallActivity(child.InstanceId, "called-process-missing", $"被调用的流程 “{child.DefinitionKey}”{version} 未部署");
                continue;
            }
            children.Add((child, definition));
        }
        var history = await StepWriter.WriteAsync(session, row, step, userId, isNew, _hold, ct);
        session.Written.Add(step);
        session.Saved(row.Id, row.Revision, step.State);
        session.CancelledChildren.UnionWith(step.CancelledChildren);
        foreach (var (child, definition) in children)
        {
            if (session.CancelledChildren.Contains(child.InstanceId)) continue; // an earlier sibling's end already withdrew it
            var model = await _definitions.GetAsync(session, definition.Id, ct);
            await CreateInstanceAsync(session, definition, model, child.Variables, child.BusinessKey, userId, null, ct,
                (child.InstanceId, row.Id, child.TokenId), row.Owner);
        }
        foreach (var childId in step.CancelledChildren)
        {
            if (await StepReader.InstanceHeaderAsync(session, childId, ct) is not { Status: InstanceStatus.Active }) continue;
            var (childRow, childStep) = await LoadStepAsync(session, childId, ct);
            childStep.Cancel(userId, "上级流程的调用活动已结束");
            await SaveAsync(session, childRow, childStep, userId, isNew: false, ct);
        }
        if (step.State is { ParentInstanceId: { } parentId } ended && ended.Status != InstanceStatus.Active
            && await StepReader.InstanceHeaderAsync(session, parentId, ct) is { Status: InstanceStatus.Active })
        {
            var (parentRow, parentStep) = await LoadStepAsync(session, parentId, ct);
            var moved = step.UncaughtError is { } error ? parentStep.ThrowCallActivityError(ended.Id, error.Code, error.Message)
                : ended.Status == InstanceStatus.Completed ? parentStep.CompleteCallActivity(ended.Id, ended.Root.Variables)
                : parentStep.FailCallActivity(ended.Id, "called-process-cancelled", "被调用的子流程已被取消");
            if (moved) await SaveAsync(session, parentRow, parentStep, userId, isNew: false, ct);
        }
        if (step.ThrownSignals.Count > 0) await BroadcastThrownAsync(session, step.ThrownSignals, userId, ct); // last: it may reach this case too
        return history;
    }

    /// <summary>
    /// Queues the jobs the committed step held for this worker, with the variables as committed, and wakes the
    /// worker when the step created any job.
    /// </summary>
    private void AfterCommit(Step step)
    {
        if (!step.NewJobs.Any()) return;
        var state = step.State;
        foreach (var job in step.NewJobs.Where(j => _hold.Handles(j.Topic)))
        {
            var token = state.TokenWaitingOn(job.Id);
            if (token is null) continue; // the same step already moved past it
            var variables = state.VisibleVariables(token.ScopeId).ToDictionary(v => v.Key, v => v.Value?.DeepClone()); // the state lives on
            _heldJobs.Enqueue(new ServiceTaskContext(job.Id, state.Id, state.DefinitionId, state.BusinessKey, job.ElementId, job.Topic, 1, variables));
        }
        _jobSignal.Notify();
    }
}
