using System.Collections.Concurrent;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Persistence;

/// <summary>Writes everything one step did in the step's transaction; the caller commits.</summary>
internal static class StepWriter
{
    private const string Update = "UPDATE Instances SET State = @p0, EndedAt = @p2, Revision = @p3 WHERE Id = @p4 AND Revision = @p5";

    private const string UpdateWithStatus =
        "UPDATE Instances SET State = @p0, Status = @p1, EndedAt = @p2, Revision = @p3 WHERE Id = @p4 AND Revision = @p5";

    /// <summary>
    /// Saves the instance (inserted when <paramref name="isNew"/>, else updated only if nobody changed it since it was
    /// read), the waits the step opened and closed, its incidents and history. Jobs whose topic <paramref name="hold"/> handles are
    /// written already locked by it. For a new instance, returns the history entries with their ids.
    /// An update sets the status only when it changed: an indexed column named in an UPDATE costs an index page
    /// written, even with the same value. (The version is written by the migration that changes it.)
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> WriteAsync(
        StepSession session, InstanceRow row, Step step, string? userId, bool isNew, JobHold hold, CancellationToken ct)
    {
        var now = step.Now;
        var state = step.State;
        var read = row.Revision;
        var statusChanged = row.Status != state.Status;
        var ended = state.Status != InstanceStatus.Active && (isNew || row.Status == InstanceStatus.Active);
        row.State = StateSerializer.Write(state);
        row.Status = state.Status;
        if (state.Status != InstanceStatus.Active) row.EndedAt ??= now;
        row.Revision = Ids.Random();
        if (isNew)
        {
            await session.ExecuteAsync(
                "INSERT INTO Instances (Id, DefinitionId, DefinitionKey, DefinitionVersion, BusinessKey, Status, StartedAt, EndedAt, StartedBy, State, Revision, ParentInstanceId, Owner, Number) " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)", ct,
                row.Id, row.DefinitionId, row.DefinitionKey, row.DefinitionVersion, row.BusinessKey, row.Status,
                row.StartedAt, row.EndedAt, row.StartedBy, row.State, row.Revision, state.ParentInstanceId, row.Owner, row.Number);
        }
        else if (await session.ExecuteAsync(statusChanged ? UpdateWithStatus : Update, ct,
                     row.State, row.Status, row.EndedAt, row.Revision, row.Id, read) == 0)
        {
            throw new StaleInstanceException();
        }

        foreach (var bookmark in step.Opened) await BookmarkStore.OpenAsync(session, bookmark, row, hold, now, ct);
        if (ended && state.ParentInstanceId is null)
        {
            await NoticeStore.InsertAsync(session, new NoticeRow { Kind = NoticeKind.CaseEnded, InstanceId = row.Id, UserId = userId }, now, ct);
        }
        foreach (var incident in step.NewIncidents)
        {
            await IncidentStore.RaiseAsync(session, incident.Id, row.Id, incident.ElementId, incident.Kind, incident.Message, now, ct);
        }
        foreach (var wait in step.ClosedWaits) await BookmarkStore.CloseAsync(session, wait, now, ct);
        foreach (var incidentId in step.ClosedIncidents) await IncidentStore.ResolveAsync(session, incidentId, userId, now, ct);
        return await InsertHistoryAsync(session, row.Id, step.History, ct, withIds: isNew);
    }

    /// <summary>
    /// Appends lines to the instance's audit trail, a batch per statement. With <paramref name="withIds"/> returns
    /// them with the ids the database gave them (a new instance's view shows them); else returns nothing.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> InsertHistoryAsync(
        StepSession session, Guid instanceId, IReadOnlyList<HistoryRecord> entries, CancellationToken ct, bool withIds = false)
    {
        var written = new List<HistoryEntry>(withIds ? entries.Count : 0);
        foreach (var batch in entries.Chunk(HistoryBatch))
        {
            var args = batch.SelectMany(e => new object?[]
            {
                instanceId, e.At, e.Kind, e.ElementId, e.ElementName, e.TaskId, e.UserId, e.Comment, e.Data?.ToJsonString(),
            }).ToArray();
            if (!withIds)
            {
                await session.ExecuteAsync(HistoryInsert(batch.Length, returning: false), ct, args);
                continue;
            }
            var ids = await session.ListAsync(HistoryInsert(batch.Length, returning: true), r => r.GetInt64(0), ct, args);
            ids.Sort(); // RETURNING gives no order; ids grow in insertion order
            written.AddRange(batch.Select((e, i) => new HistoryEntry(ids[i], e.At, e.Kind, e.ElementId, e.ElementName, e.TaskId,
                e.UserId, e.Comment, e.Data?.DeepClone())));
        }
        return written;
    }

    private const int HistoryBatch = 100;
    private static readonly ConcurrentDictionary<(int Rows, bool Returning), string> HistoryInserts = new();

    private static string HistoryInsert(int rows, bool returning) => HistoryInserts.GetOrAdd((rows, returning), key =>
    {
        const int columns = 9;
        var values = string.Join(", ", Enumerable.Range(0, key.Rows).Select(row =>
            "(" + string.Join(", ", Enumerable.Range(row * columns, columns).Select(p => $"@p{p}")) + ")"));
        return $"INSERT INTO History (InstanceId, At, Kind, ElementId, ElementName, TaskId, UserId, Comment, Data) VALUES {values}"
            + (key.Returning ? " RETURNING Id" : "");
    });

    /// <summary>An instance moved to another version of its flow (<see cref="InstanceRow.DefinitionId"/> and version already set).</summary>
    public static Task MoveToVersionAsync(StepSession session, InstanceRow row, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE Instances SET DefinitionId = @p0, DefinitionVersion = @p1 WHERE Id = @p2", ct,
            row.DefinitionId, row.DefinitionVersion, row.Id);

    /// <summary>The next number of <paramref name="prefix"/> in <paramref name="year"/>; numbers are never reused.</summary>
    public static async Task<long> NextCaseNumberAsync(StepSession session, string prefix, int year, CancellationToken ct) =>
        Convert.ToInt64(await session.ScalarAsync(
            "INSERT INTO CaseNumbers (Prefix, Year, Last) VALUES (@p0, @p1, 1) ON CONFLICT (Prefix, Year) DO UPDATE SET Last = CaseNumbers.Last + 1 RETURNING Last",
            ct, prefix, year), System.Globalization.CultureInfo.InvariantCulture);
}
