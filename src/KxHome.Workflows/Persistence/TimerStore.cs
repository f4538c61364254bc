using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// Every statement on the Timers table, in the step's transaction. A timer whose row changes tells the alarm clock
/// (<see cref="StepSession.AlarmsToSet"/> / <see cref="StepSession.AlarmsToSilence"/>) in the same call, so no caller forgets.
/// </summary>
internal static class TimerStore
{
    // Due, running, and not given up on (@p0 is now, @p1 the retry policy's attempts): the SQL of Running.
    private const string DueToFire = "DueAt <= @p0 AND PausedAt IS NULL AND Attempts < @p1";

    /// <summary>
    /// The timers the clock moves: not paused, and not given up on after <paramref name="attempts"/> failed firings
    /// (those wait for an administrator's repair). The alarm clock and virtual time read through this.
    /// </summary>
    public static IQueryable<TimerRow> Running(IQueryable<TimerRow> timers, int attempts) =>
        timers.Where(t => t.PausedAt == null && t.Attempts < attempts);

    /// <summary>Writes a pending timer; <paramref name="instanceId"/> is null for a timer start event.</summary>
    public static Task InsertAsync(StepSession session, NewTimer timer, Guid? instanceId, string definitionId, string definitionKey,
        string? businessKey, DateTime now, CancellationToken ct)
    {
        session.AlarmsToSet.Add(new AlarmTime(timer.Id, timer.DueAt));
        return session.ExecuteAsync(
            "INSERT INTO Timers (Id, InstanceId, TokenId, DefinitionId, ElementId, ElementName, DefinitionKey, BusinessKey, DueAt, CreatedAt, Cycle, Fired, WorkingDays, Attempts, PausedForCorrection) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, 0, FALSE)", ct,
            timer.Id, instanceId, timer.TokenId, definitionId, timer.ElementId, timer.ElementName, definitionKey, businessKey,
            timer.DueAt, now, timer.Cycle, timer.Fired, timer.WorkingDays);
    }

    /// <summary>Removes a timer that fired or whose wait ended; its alarm goes too.</summary>
    public static Task DeleteAsync(StepSession session, Guid id, CancellationToken ct)
    {
        session.AlarmsToSilence.Add(id);
        return session.ExecuteAsync("DELETE FROM Timers WHERE Id = @p0", ct, id);
    }

    /// <summary>A case's deadlines by <paramref name="where"/> (over the Timers columns), for pausing, resuming and moving them.</summary>
    public static Task<List<TimerRow>> DeadlinesAsync(StepSession session, string where, CancellationToken ct, params object?[] args) =>
        session.ListAsync(
            "SELECT Id, InstanceId, ElementId, ElementName, DueAt, PausedAt, RemainingSeconds, WorkingDays, RemainingWorkingDays, PausedForCorrection " +
            $"FROM Timers WHERE {where}",
            r => new TimerRow
            {
                Id = Column.Guid(r, 0), InstanceId = r.IsDBNull(1) ? null : Column.Guid(r, 1), ElementId = r.GetString(2), ElementName = Column.Text(r, 3),
                DueAt = Column.Instant(r, 4), PausedAt = Column.OptionalInstant(r, 5), RemainingSeconds = r.IsDBNull(6) ? null : r.GetInt64(6),
                WorkingDays = r.GetBoolean(7), RemainingWorkingDays = r.IsDBNull(8) ? null : r.GetInt32(8), PausedForCorrection = r.GetBoolean(9),
            }, ct, args);

    /// <summary>Saves a deadline's due time and pause; the alarm follows.</summary>
    public static async Task SaveDeadlineAsync(StepSession session, TimerRow timer, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "UPDATE Timers SET DueAt = @p0, PausedAt = @p1, RemainingSeconds = @p2, RemainingWorkingDays = @p3, PausedForCorrection = @p4 WHERE Id = @p5", ct,
            timer.DueAt, timer.PausedAt, timer.RemainingSeconds, timer.RemainingWorkingDays, timer.PausedForCorrection, timer.Id);
        if (timer.PausedAt is null) session.AlarmsToSet.Add(new AlarmTime(timer.Id, timer.DueAt));
        else session.AlarmsToSilence.Add(timer.Id);
    }

    /// <summary>The earliest timer due to fire, with what firing it needs; removed, as it fires in this transaction.</summary>
    public static async Task<TimerRow?> TakeNextDueAsync(StepSession session, DateTime now, int attempts, CancellationToken ct)
    {
        var timer = await session.SingleOrDefaultAsync(
            $"SELECT Id, InstanceId, DefinitionId, ElementId, DueAt, Cycle, Fired, DefinitionKey FROM Timers WHERE {DueToFire} ORDER BY DueAt, Id LIMIT 1",
            r => new TimerRow
            {
                Id = Column.Guid(r, 0), InstanceId = r.IsDBNull(1) ? null : Column.Guid(r, 1), DefinitionId = r.GetString(2),
                ElementId = r.GetString(3), DueAt = Column.Instant(r, 4), Cycle = Column.Text(r, 5), Fired = r.GetInt32(6),
                DefinitionKey = r.GetString(7),
            }, ct, now, attempts);
        if (timer is not null) await session.ExecuteAsync("DELETE FROM Timers WHERE Id = @p0", ct, timer.Id); // its alarm has rung
        return timer;
    }

    /// <summary>The earliest timer due to fire, read again after its firing failed and was rolled back.</summary>
    public static Task<TimerRow?> NextDueAsync(StepSession session, DateTime now, int attempts, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            $"SELECT Id, InstanceId, ElementId, ElementName, DefinitionKey, Attempts FROM Timers WHERE {DueToFire} ORDER BY DueAt, Id LIMIT 1",
            r => new TimerRow
            {
                Id = Column.Guid(r, 0), InstanceId = r.IsDBNull(1) ? null : Column.Guid(r, 1), ElementId = r.GetString(2),
                ElementName = Column.Text(r, 3), DefinitionKey = r.GetString(4), Attempts = r.GetInt32(5),
            }, ct, now, attempts);

    /// <summary>A failed timer falls due again at <paramref name="retryAt"/>.</summary>
    public static async Task RetryLaterAsync(StepSession session, Guid id, int attempts, DateTime retryAt, CancellationToken ct)
    {
        await session.ExecuteAsync("UPDATE Timers SET DueAt = @p0, Attempts = @p1 WHERE Id = @p2", ct, retryAt, attempts, id);
        session.AlarmsToSet.Add(new AlarmTime(id, retryAt));
    }

    /// <summary>A failed timer is no longer tried (its attempts reach the policy's).</summary>
    public static async Task GiveUpAsync(StepSession session, Guid id, int attempts, CancellationToken ct)
    {
        await session.ExecuteAsync("UPDATE Timers SET Attempts = @p0 WHERE Id = @p1", ct, attempts, id);
        session.AlarmsToSilence.Add(id);
    }

    /// <summary>A case's timers at an element that were given up on fall due now, with their attempts counted afresh.</summary>
    public static async Task RetryGivenUpAsync(StepSession session, Guid instanceId, string elementId, DateTime now, int attempts, CancellationToken ct)
    {
        var ids = await session.ListAsync(
            "UPDATE Timers SET Attempts = 0, DueAt = @p0 WHERE InstanceId = @p1 AND ElementId = @p2 AND Attempts >= @p3 RETURNING Id",
            r => Column.Guid(r, 0), ct, now, instanceId, elementId, attempts);
        foreach (var id in ids) session.AlarmsToSet.Add(new AlarmTime(id, now));
    }

    /// <summary>Removes a flow's start timers (a new version arms its own).</summary>
    public static Task DeleteStartTimersAsync(StepSession session, string definitionKey, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM Timers WHERE DefinitionKey = @p0 AND InstanceId IS NULL", ct, definitionKey);

    /// <summary>
    /// A case moved to another version: its timers name that version, and each takes its event's name there (what the
    /// deadline list shows); due times stay, so alarms stand.
    /// </summary>
    public static async Task MoveToVersionAsync(StepSession session, Guid instanceId, string definitionId, Model.ProcessModel target,
        CancellationToken ct)
    {
        await session.ExecuteAsync("UPDATE Timers SET DefinitionId = @p0 WHERE InstanceId = @p1", ct, definitionId, instanceId);
        var events = await session.ListAsync("SELECT DISTINCT ElementId FROM Timers WHERE InstanceId = @p0", r => r.GetString(0), ct, instanceId);
        foreach (var elementId in events.Where(target.Contains))
        {
            await session.ExecuteAsync("UPDATE Timers SET ElementName = @p0 WHERE InstanceId = @p1 AND ElementId = @p2", ct,
                target.Node(elementId).Name, instanceId, elementId);
        }
    }
}
