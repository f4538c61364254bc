using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// Every statement on the Jobs table. A job is locked by one worker (<c>LockOwner</c> until <c>LockExpiresAt</c>); a
/// worker acts on it only while its lock holds, so a host that stopped mid-job is taken over once the lock runs out.
/// </summary>
internal static class JobStore
{
    private const string Columns = "Id, InstanceId, TokenId, ElementId, Topic, Attempts";

    /// <summary>Writes a job a step created; one whose topic <paramref name="hold"/> handles is written already locked by it.</summary>
    public static Task InsertAsync(StepSession session, NewJob job, Guid instanceId, JobHold hold, DateTime now, CancellationToken ct)
    {
        var held = hold.Handles(job.Topic);
        return session.ExecuteAsync(
            "INSERT INTO Jobs (Id, InstanceId, TokenId, ElementId, Topic, DueAt, Attempts, LockOwner, LockExpiresAt) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, 0, @p6, @p7)", ct,
            job.Id, instanceId, job.TokenId, job.ElementId, job.Topic, now, held ? hold.Owner : null, held ? now + hold.Duration : null);
    }

    /// <summary>
    /// Locks the most overdue free job for <paramref name="worker"/> until <paramref name="lockUntil"/>; null when none is
    /// due. On PostgreSQL a job another host is locking at this moment is passed over (<c>SKIP LOCKED</c>), so hosts
    /// sharing the database take different jobs instead of queueing on one row; SQLite has one writer anyway.
    /// </summary>
    public static Task<JobRow?> LockNextDueAsync(StepSession session, string worker, DateTime now, DateTime lockUntil, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            "UPDATE Jobs SET LockOwner = @p0, LockExpiresAt = @p1 WHERE Id = (SELECT Id FROM Jobs " +
            "WHERE IncidentId IS NULL AND DueAt <= @p2 AND (LockExpiresAt IS NULL OR LockExpiresAt < @p2) ORDER BY DueAt LIMIT 1" +
            (session.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "") + $") RETURNING {Columns}",
            r => new JobRow
            {
                Id = Column.Guid(r, 0), InstanceId = Column.Guid(r, 1), TokenId = Column.Guid(r, 2),
                ElementId = r.GetString(3), Topic = r.GetString(4), Attempts = r.GetInt32(5),
            }, ct, worker, lockUntil, now);

    public static Task DeleteAsync(StepSession session, Guid id, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM Jobs WHERE Id = @p0", ct, id);

    /// <summary>
    /// A failed attempt, unlocked: due again at <paramref name="retryAt"/>, or (with <paramref name="incidentId"/>) held by
    /// that incident until someone retries it.
    /// </summary>
    public static Task RecordFailureAsync(StepSession session, Guid id, int attempts, string error, DateTime? retryAt, Guid? incidentId,
        CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE Jobs SET Attempts = @p0, LastError = @p1, LockOwner = NULL, LockExpiresAt = NULL, " +
            "DueAt = COALESCE(@p2, DueAt), IncidentId = @p3 WHERE Id = @p4", ct,
            attempts, error, retryAt, incidentId, id);

    /// <summary>The version the job's case runs on now, if <paramref name="worker"/> still holds the job; else null.</summary>
    public static async Task<string?> HeldVersionAsync(StepSession session, Guid id, string worker, DateTime now, CancellationToken ct) =>
        (string?)await session.ScalarAsync(
            "SELECT i.DefinitionId FROM Jobs AS j JOIN Instances AS i ON i.Id = j.InstanceId " +
            "WHERE j.Id = @p0 AND j.LockOwner = @p1 AND j.LockExpiresAt > @p2", ct, id, worker, now);

    /// <summary>Whether <paramref name="worker"/> still holds the job and its lock has not run out (else another may run it).</summary>
    public static async Task<bool> IsHeldAsync(StepSession session, Guid id, string worker, DateTime now, CancellationToken ct) =>
        await session.ScalarAsync("SELECT 1 FROM Jobs WHERE Id = @p0 AND LockOwner = @p1 AND LockExpiresAt > @p2", ct, id, worker, now) is not null;
}
