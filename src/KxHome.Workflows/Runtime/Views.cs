using System.Text.Json.Nodes;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Runtime;

/// <summary>One deployed version of a process.</summary>
public sealed record DefinitionView(string Id, string Key, int Version, string? Name, DateTime DeployedAt, string? DeployedBy, string? Note = null);

/// <summary>What a deployment did: for each executable process, the version now current and whether it is new.</summary>
public sealed record DeploymentResult(IReadOnlyList<DeployedDefinition> Definitions);

/// <summary>One process of a deployment.</summary>
public sealed record DeployedDefinition(DefinitionView Definition, bool IsNewVersion);

/// <summary>
/// A process instance as people and programs see it. <see cref="Incidents"/> also lists those of the instances its
/// call activities started (their <see cref="IncidentView.InstanceId"/> says which).
/// </summary>
public sealed record InstanceView(
    Guid Id,
    string DefinitionId,
    string DefinitionKey,
    int DefinitionVersion,
    string? BusinessKey,
    InstanceStatus Status,
    DateTime StartedAt,
    DateTime? EndedAt,
    string? StartedBy,
    IReadOnlyList<ActiveElement> ActiveElements,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<HistoryEntry> History,
    Guid? ParentInstanceId = null,
    string? Owner = null,
    string? Number = null)
{
    /// <summary>What people call the case (its home or organisation and its programme); filled in by the host.</summary>
    public string? Title { get; init; }
}

/// <summary>Where a token is now: waiting at a task, joining at a gateway, or stuck on an incident.</summary>
public sealed record ActiveElement(string ElementId, string? ElementName, string State, Guid? TaskId, Guid? IncidentId);

/// <summary>An element that could not go on.</summary>
public sealed record IncidentView(
    Guid Id, Guid InstanceId, string ElementId, string Kind, string Message, DateTime CreatedAt,
    DateTime? ResolvedAt, string? ResolvedBy);

/// <summary>A user task.</summary>
public sealed record UserTaskView(
    Guid Id,
    Guid InstanceId,
    string? BusinessKey,
    string DefinitionKey,
    string ElementId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    string? FormKey,
    DateTime? DueAt,
    int Priority,
    UserTaskState State,
    DateTime CreatedAt,
    DateTime? EndedAt,
    string? CompletedBy,
    Guid Revision,
    string? Owner = null,
    string? DelegatedBy = null,
    IReadOnlyList<string>? PendingSigners = null,
    string? CaseNumber = null)
{
    /// <summary>What people call the task's case; filled in by the host.</summary>
    public string? CaseTitle { get; init; }
}

/// <summary>
/// A pending timer: a deadline of a case. While paused, <see cref="PausedAt"/> is set, <see cref="Remaining"/> is
/// the time that was left, and <see cref="DueAt"/> is not meaningful. A timer start event's timer has no instance.
/// </summary>
public sealed record TimerView(
    Guid Id, Guid? InstanceId, string? BusinessKey, string DefinitionKey, string ElementId, string? ElementName,
    DateTime DueAt, DateTime CreatedAt, DateTime? PausedAt, TimeSpan? Remaining);

/// <summary>Filters for pending timers; every filter given must hold.</summary>
public sealed record TimerQuery
{
    public Guid? InstanceId { get; init; }

    /// <summary>Only timers of these instances.</summary>
    public IReadOnlyList<Guid>? InstanceIds { get; init; }
    public string? DefinitionKey { get; init; }
    public string? BusinessKey { get; init; }

    /// <summary>Only timers due before this instant (UTC).</summary>
    public DateTime? DueBefore { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = 100;
}

/// <summary>A message to deliver, and how to find what waits for it.</summary>
public sealed record MessageCorrelation(string MessageName)
{
    /// <summary>Only instances with this business key (and message start events, which give it to the new instance).</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Only this instance.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>Only instances whose process variables have these values.</summary>
    public IReadOnlyDictionary<string, object?>? CorrelationKeys { get; init; }

    /// <summary>Variables the message carries; set where the receiving token sees them.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Deliver to every match instead of expecting exactly one.</summary>
    public bool All { get; init; }

    public string? UserId { get; init; }
}

/// <summary>Which instances received the message, and which it started.</summary>
public sealed record CorrelationResult(IReadOnlyList<Guid> InstanceIds, IReadOnlyList<Guid> StartedInstanceIds);

/// <summary>Where a step left the instance: its status and the user tasks the step opened.</summary>
public sealed record StepOutcome(Guid InstanceId, InstanceStatus Status, IReadOnlyList<UserTaskView> OpenedTasks);

/// <summary>
/// Filters for user tasks; every filter given must hold. <see cref="CandidateUser"/> and
/// <see cref="CandidateGroups"/> together mean "offered to this user or to any of these groups".
/// </summary>
public sealed record TaskQuery
{
    public string? Assignee { get; init; }
    public string? CandidateUser { get; init; }
    public IReadOnlyList<string>? CandidateGroups { get; init; }
    public Guid? InstanceId { get; init; }

    /// <summary>Only tasks of these instances.</summary>
    public IReadOnlyList<Guid>? InstanceIds { get; init; }
    public string? BusinessKey { get; init; }

    /// <summary>Only tasks due before this instant (UTC); tasks with no due date are left out.</summary>
    public DateTime? DueBefore { get; init; }

    /// <summary>Only tasks this person completed (the inbox's 已办).</summary>
    public string? CompletedBy { get; init; }

    /// <summary>Only tasks of cases owned by one of these organisations.</summary>
    public IReadOnlyList<string>? Owners { get; init; }

    /// <summary>Open tasks only unless set.</summary>
    public UserTaskState? State { get; init; } = UserTaskState.Open;

    public int Skip { get; init; }
    public int Take { get; init; } = 100;
}

/// <summary>How to start an instance.</summary>
public sealed record StartRequest(string DefinitionKey)
{
    public string? BusinessKey { get; init; }

    /// <summary>The organisation the case belongs to; its called cases and tasks belong to it too.</summary>
    public string? Owner { get; init; }
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public string? StartedBy { get; init; }

    /// <summary>A fixed version; the latest when null.</summary>
    public int? Version { get; init; }
}

/// <summary>A notice whose sending failed for a time (the mail server unreachable, a 4xx), waiting to be tried again.</summary>
public sealed record RetryingNotice(Guid Id, NoticeKind Kind, Guid? InstanceId, int Attempts, string? LastError, DateTime NextAttemptAt);

/// <summary>A notice waiting to be sent (see <see cref="NoticeKind"/>).</summary>
public sealed record NoticeView(
    Guid Id, NoticeKind Kind, Guid? InstanceId, Guid? TaskId, string? UserId, string? Recipient, string? Comment,
    DateTime CreatedAt, int Attempts);

/// <summary>A notice to write from outside a step (a deadline reminder found by a scan).</summary>
public sealed record NewNotice(NoticeKind Kind, Guid? InstanceId, Guid? TaskId)
{
    public string? UserId { get; init; }
    public string? Recipient { get; init; }
    public string? Comment { get; init; }

    /// <summary>A notice with a key already written is not written again.</summary>
    public string? DedupKey { get; init; }
}

/// <summary>A case in a list: what it is and where it stands, without its state, variables or history.</summary>
public sealed record InstanceSummary(
    Guid Id, string DefinitionKey, string? DefinitionName, int DefinitionVersion, string? BusinessKey, InstanceStatus Status,
    DateTime StartedAt, DateTime? EndedAt, string? StartedBy, string? Owner, string? Number = null)
{
    /// <summary>What people call the case; filled in by the host.</summary>
    public string? Title { get; init; }
}

/// <summary>Filters for cases; every filter given must hold. Newest first.</summary>
public sealed record InstanceQuery
{
    /// <summary>Only cases owned by one of these organisations.</summary>
    public IReadOnlyList<string>? Owners { get; init; }
    public IReadOnlyList<Guid>? Ids { get; init; }
    public InstanceStatus? Status { get; init; }

    /// <summary>Only the case with this number (认定-2026-0001).</summary>
    public string? Number { get; init; }

    /// <summary>Only cases with this business key.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Cases started by a call activity are left out unless set.</summary>
    public bool IncludeCalled { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>A case copied to <see cref="UserId"/> by <see cref="ByUserId"/> from the task <see cref="TaskId"/> (抄送).</summary>
public sealed record TaskCopyView(long Id, Guid InstanceId, Guid TaskId, string UserId, string ByUserId, DateTime At);
