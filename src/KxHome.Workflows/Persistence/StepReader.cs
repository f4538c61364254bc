
namespace KxHome.Workflows.Persistence;

/// <summary>The rows a step reads inside its transaction.</summary>
internal static class StepReader
{
    /// <summary>The instance without its state document.</summary>
    public static Task<InstanceRow?> InstanceHeaderAsync(StepSession session, Guid id, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            "SELECT Id, DefinitionId, DefinitionKey, DefinitionVersion, BusinessKey, Status, StartedAt, EndedAt, StartedBy, Revision, Owner, Number " +
            "FROM Instances WHERE Id = @p0",
            r => new InstanceRow
            {
                Id = Column.Guid(r, 0), DefinitionId = r.GetString(1), DefinitionKey = r.GetString(2),
                DefinitionVersion = r.GetInt32(3), BusinessKey = Column.Text(r, 4),
                Status = Column.Enum<Model.InstanceStatus>(r, 5), StartedAt = Column.Instant(r, 6),
                EndedAt = Column.OptionalInstant(r, 7), StartedBy = Column.Text(r, 8), Revision = Column.Guid(r, 9),
                Owner = Column.Text(r, 10), Number = Column.Text(r, 11),
            }, ct, id);

    /// <summary>The instance's state document; null when there is no such instance.</summary>
    public static async Task<string?> StateAsync(StepSession session, Guid id, CancellationToken ct) =>
        (string?)await session.ScalarAsync("SELECT State FROM Instances WHERE Id = @p0", ct, id);

    /// <summary>The task's identity and state; candidates are not read.</summary>
    public static Task<UserTaskRow?> TaskAsync(StepSession session, Guid id, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            "SELECT Id, InstanceId, ElementId, Name, Assignee, State, CompletedBy, DelegatedBy, PendingSigners FROM UserTasks WHERE Id = @p0",
            r => new UserTaskRow
            {
                Id = Column.Guid(r, 0), InstanceId = Column.Guid(r, 1), ElementId = r.GetString(2), Name = Column.Text(r, 3),
                Assignee = Column.Text(r, 4), State = Column.Enum<Model.UserTaskState>(r, 5), CompletedBy = Column.Text(r, 6),
                DelegatedBy = Column.Text(r, 7), PendingSigners = Column.Text(r, 8),
            }, ct, id);

    public static Task<IncidentRow?> IncidentAsync(StepSession session, Guid id, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            "SELECT Id, InstanceId, ResolvedAt, Kind, ElementId FROM Incidents WHERE Id = @p0",
            r => new IncidentRow
            {
                Id = Column.Guid(r, 0), InstanceId = Column.Guid(r, 1), ResolvedAt = Column.OptionalInstant(r, 2), Kind = r.GetString(3), ElementId = r.GetString(4),
            },
            ct, id);

    /// <summary>The latest version of the key, or the given one; without its XML.</summary>
    public static Task<DefinitionRow?> DefinitionAsync(StepSession session, string key, int? version, CancellationToken ct) =>
        version is null
            ? session.SingleOrDefaultAsync("SELECT Id, Key, Version FROM Definitions WHERE Key = @p0 ORDER BY Version DESC LIMIT 1",
                ReadDefinition, ct, key)
            : session.SingleOrDefaultAsync("SELECT Id, Key, Version FROM Definitions WHERE Key = @p0 AND Version = @p1", ReadDefinition, ct, key, version);

    private static DefinitionRow ReadDefinition(System.Data.Common.DbDataReader r) =>
        new() { Id = r.GetString(0), Key = r.GetString(1), Version = r.GetInt32(2) };

    /// <summary>One version by its id, without its XML.</summary>
    public static Task<DefinitionRow?> DefinitionByIdAsync(StepSession session, string id, CancellationToken ct) =>
        session.SingleOrDefaultAsync("SELECT Id, Key, Version FROM Definitions WHERE Id = @p0", ReadDefinition, ct, id);

    /// <summary>One version with its XML.</summary>
    public static Task<DefinitionRow?> DefinitionXmlAsync(StepSession session, string id, CancellationToken ct) =>
        session.SingleOrDefaultAsync(
            "SELECT Id, Key, Version, Xml FROM Definitions WHERE Id = @p0",
            r => new DefinitionRow { Id = r.GetString(0), Key = r.GetString(1), Version = r.GetInt32(2), Xml = r.GetString(3) }, ct, id);

    /// <summary>Whether the case has completed the user task <paramref name="elementId"/> (a step it can be sent back to).</summary>
    public static Task<bool> HasPassedAsync(StepSession session, Guid instanceId, string elementId, CancellationToken ct) =>
        session.ExistsAsync("SELECT 1 FROM History WHERE InstanceId = @p0 AND ElementId = @p1 AND Kind = @p2 LIMIT 1", ct,
            instanceId, elementId, Model.HistoryKind.TaskCompleted);

    /// <summary>Whether the task has a history line of <paramref name="kind"/> after <paramref name="since"/> (e.g. an urge).</summary>
    public static Task<bool> NotedSinceAsync(StepSession session, UserTaskRow task, Model.HistoryKind kind, DateTime since, CancellationToken ct) =>
        session.ExistsAsync("SELECT 1 FROM History WHERE InstanceId = @p0 AND TaskId = @p1 AND Kind = @p2 AND At > @p3 LIMIT 1", ct,
            task.InstanceId, task.Id, kind, since);

    /// <summary>What people did on the case: each history line that names someone, as its kind and who.</summary>
    public static Task<List<(Model.HistoryKind Kind, string? UserId)>> ActsAsync(StepSession session, Guid instanceId, CancellationToken ct) =>
        session.ListAsync("SELECT Kind, UserId FROM History WHERE InstanceId = @p0 AND UserId IS NOT NULL",
            r => (Enum.Parse<Model.HistoryKind>(r.GetString(0)), (string?)r.GetString(1)), ct, instanceId);
}
