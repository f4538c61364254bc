using KxHome.Workflows.Execution;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

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
        while (fired < maxTimers && await TransactAsync(session => FireNextDueTimerAsync(session, ct), ct) is { } result)
        {
            if (result.Step is { } step)
            {
                AfterCommit(step);
                fired++;
            }
        }
        return fired;
    }

    /// <summary>Pending timers (deadlines), earliest first.</summary>
    public async Task<IReadOnlyList<TimerView>> QueryTimersAsync(TimerQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var timers = db.Timers.AsNoTracking();
        if (query.InstanceId is { } instanceId) timers = timers.Where(t => t.InstanceId == instanceId);
        if (query.BusinessKey is { } businessKey) timers = timers.Where(t => t.BusinessKey == businessKey);
        if (query.DueBefore is { } dueBefore) timers = timers.Where(t => t.DueAt < dueBefore);
        var rows = await timers.OrderBy(t => t.DueAt).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return rows.Select(t => new TimerView(t.Id, t.InstanceId, t.BusinessKey, t.DefinitionKey, t.ElementId, t.ElementName,
            t.DueAt, t.CreatedAt)).ToList();
    }

    /// <summary>Fires the earliest due timer; null when none is due. A stale timer is removed and gives no step.</summary>
    private async Task<FiredTimer?> FireNextDueTimerAsync(StepSession session, CancellationToken ct)
    {
        var timer = await session.SingleOrDefaultAsync(
            "SELECT Id, InstanceId FROM Timers WHERE DueAt <= @p0 ORDER BY DueAt LIMIT 1",
            r => new TimerRow { Id = Column.Guid(r, 0), InstanceId = Column.Guid(r, 1) }, ct, Now);
        if (timer is null) return null;
        var instance = await StepReader.InstanceAsync(session, timer.InstanceId, ct);
        if (instance is { Status: InstanceStatus.Active })
        {
            var (row, step) = await LoadStepAsync(session, timer.InstanceId, ct);
            if (step.FireTimer(timer.Id))
            {
                await StepWriter.WriteAsync(session, row, step, null, isNew: false, _hold, ct);
                return new FiredTimer(step);
            }
        }
        await session.ExecuteAsync("DELETE FROM Timers WHERE Id = @p0", ct, timer.Id);
        return new FiredTimer(null);
    }

    private sealed record FiredTimer(Step? Step);
}
