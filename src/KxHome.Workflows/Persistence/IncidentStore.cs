namespace KxHome.Workflows.Persistence;

/// <summary>Every statement that writes the Incidents table, in the step's transaction.</summary>
internal static class IncidentStore
{
    public static Task RaiseAsync(StepSession session, Guid id, Guid instanceId, string elementId, string kind, string message, DateTime now,
        CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO Incidents (Id, InstanceId, ElementId, Kind, Message, CreatedAt) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", ct,
            id, instanceId, elementId, kind, message, now);

    /// <summary>Marks an incident resolved, once: a second resolution changes nothing.</summary>
    public static Task ResolveAsync(StepSession session, Guid id, string? userId, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE Incidents SET ResolvedAt = @p0, ResolvedBy = @p1 WHERE Id = @p2 AND ResolvedAt IS NULL", ct, now, userId, id);
}
