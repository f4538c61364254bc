using KxHome.Workflows.Core;

namespace KxHome.Workflows.Persistence;

/// <summary>Every statement that writes the Notices table (the mail outbox).</summary>
internal static class NoticeStore
{
    /// <summary>
    /// Writes a notice to send after commit; one whose dedup key was written before is dropped. A new notice's id is
    /// time-ordered (version 7), so its key goes at the end of the index instead of onto a random page.
    /// </summary>
    public static Task InsertAsync(StepSession session, NoticeRow notice, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO Notices (Id, Kind, InstanceId, TaskId, UserId, Recipient, Comment, DedupKey, CreatedAt, AvailableAt, Attempts) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p8, 0) ON CONFLICT DO NOTHING", ct,
            notice.Id == Guid.Empty ? Ids.TimeOrdered(now) : notice.Id, notice.Kind, notice.InstanceId, notice.TaskId, notice.UserId,
            notice.Recipient, notice.Comment, notice.DedupKey, now);

    /// <summary>
    /// Takes a due notice for one sender until <paramref name="leaseUntil"/> by moving its time on; 0 rows when it was
    /// sent, or another sender took it first. A sender that dies holding it leaves it to the next after the lease.
    /// </summary>
    public static Task<int> ClaimAsync(StepSession session, Guid id, DateTime now, DateTime leaseUntil, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE Notices SET AvailableAt = @p0 WHERE Id = @p1 AND SentAt IS NULL AND AvailableAt <= @p2", ct,
            leaseUntil, id, now);

    /// <summary>The notice was sent; it is never sent again.</summary>
    public static Task<int> MarkSentAsync(StepSession session, Guid id, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE Notices SET SentAt = @p0 WHERE Id = @p1", ct, now, id);

    /// <summary>Sending failed; it is tried again at <paramref name="retryAt"/>.</summary>
    public static Task<int> MarkFailedAsync(StepSession session, Guid id, string error, DateTime retryAt, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE Notices SET Attempts = Attempts + 1, LastError = @p0, AvailableAt = @p1 WHERE Id = @p2", ct, error, retryAt, id);
}
