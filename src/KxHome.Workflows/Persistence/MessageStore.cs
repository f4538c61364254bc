using KxHome.Workflows.Execution;

namespace KxHome.Workflows.Persistence;

/// <summary>Every statement on the MessageSubscriptions table (messages and signals).</summary>
internal static class MessageStore
{
    /// <summary>Writes a message subscription; <paramref name="instanceId"/> is null for a message start event.</summary>
    public static Task InsertAsync(StepSession session, NewSubscription subscription, Guid? instanceId, string definitionId,
        string definitionKey, string? businessKey, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO MessageSubscriptions (Id, InstanceId, TokenId, DefinitionId, DefinitionKey, BusinessKey, ElementId, MessageName, CreatedAt, IsSignal) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)", ct,
            subscription.Id, instanceId, subscription.TokenId, definitionId, definitionKey, businessKey, subscription.ElementId,
            subscription.MessageName, now, subscription.Signal);

    /// <summary>
    /// The subscriptions a message reaches, oldest first: of one case when <paramref name="instanceId"/> is given, of the
    /// cases with <paramref name="businessKey"/> when that is given, and the message start events.
    /// </summary>
    public static Task<List<MessageSubscriptionRow>> ReachedByAsync(StepSession session, string messageName, Guid? instanceId, string? businessKey,
        CancellationToken ct)
    {
        // Only the conditions given are written: a parameter compared only with NULL has no type on PostgreSQL.
        var args = new List<object?> { messageName };
        var sql = "SELECT Id, InstanceId, DefinitionId, DefinitionKey, ElementId FROM MessageSubscriptions WHERE MessageName = @p0 AND IsSignal = FALSE";
        if (instanceId is not null)
        {
            sql += $" AND InstanceId = @p{args.Count}";
            args.Add(instanceId);
        }
        if (businessKey is not null)
        {
            sql += $" AND (BusinessKey = @p{args.Count} OR InstanceId IS NULL)";
            args.Add(businessKey);
        }
        return session.ListAsync(sql + " ORDER BY CreatedAt", ReadRow, ct, [.. args]);
    }

    /// <summary>Everything a signal reaches, oldest first: waiting events of every case, and signal start events.</summary>
    public static Task<List<MessageSubscriptionRow>> SignalledAsync(StepSession session, string signalName, CancellationToken ct) =>
        session.ListAsync(
            "SELECT Id, InstanceId, DefinitionId, DefinitionKey, ElementId FROM MessageSubscriptions " +
            "WHERE MessageName = @p0 AND IsSignal = TRUE ORDER BY CreatedAt",
            ReadRow, ct, signalName);

    private static MessageSubscriptionRow ReadRow(System.Data.Common.DbDataReader r) => new()
    {
        Id = Column.Guid(r, 0), InstanceId = r.IsDBNull(1) ? null : Column.Guid(r, 1), DefinitionId = r.GetString(2),
        DefinitionKey = r.GetString(3), ElementId = r.GetString(4),
    };

    public static Task DeleteAsync(StepSession session, Guid id, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM MessageSubscriptions WHERE Id = @p0", ct, id);

    /// <summary>Removes a flow's message start events (a new version opens its own).</summary>
    public static Task DeleteStartSubscriptionsAsync(StepSession session, string definitionKey, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM MessageSubscriptions WHERE DefinitionKey = @p0 AND InstanceId IS NULL", ct, definitionKey);

    /// <summary>A case moved to another version: its subscriptions name that version.</summary>
    public static Task MoveToVersionAsync(StepSession session, Guid instanceId, string definitionId, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE MessageSubscriptions SET DefinitionId = @p0 WHERE InstanceId = @p1", ct, definitionId, instanceId);
}
