namespace KxHome.Workflows.Model;

/// <summary>
/// What moving a case to another version of its flow does: where each thing the case waits on goes (the same element
/// id in the target version), what stops the move, and, for information, the elements the target version adds or
/// removes where the case is not. The case can move only when <see cref="Blockers"/> is empty.
/// </summary>
public sealed record MigrationPlan(
    Guid InstanceId,
    string DefinitionKey,
    string FromDefinitionId,
    int FromVersion,
    string ToDefinitionId,
    int ToVersion,
    IReadOnlyList<MigrationMove> Moves,
    IReadOnlyList<MigrationBlocker> Blockers,
    IReadOnlyList<MigrationElement> Added,
    IReadOnlyList<MigrationElement> Removed,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether nothing stops the move.</summary>
    public bool CanMigrate => Blockers.Count == 0;
}

/// <summary>
/// One thing the case waits on and the element it stays at in the target version (same id, same kind, same enclosing
/// scope). <see cref="WaitId"/> is what it waits on: the user task, job, timer, message subscription, called
/// instance, sub-process or multi-instance scope, or the incident; null for a token joining at a gateway.
/// </summary>
public sealed record MigrationMove(string ElementId, string? FromName, string? ToName, MigrationWaitKind Wait, Guid? WaitId);

/// <summary>Why the case cannot move: <see cref="Code"/> for programs, <see cref="Reason"/> a Chinese sentence naming the element.</summary>
public sealed record MigrationBlocker(string ElementId, string? ElementName, string Code, string Reason);

/// <summary>An element only one of the two versions has.</summary>
public sealed record MigrationElement(string ElementId, string? ElementName, FlowNodeKind Kind);
