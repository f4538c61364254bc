using KxHome.Workflows.Model;

namespace KxHome.Workflows.Persistence;

/// <summary>One deployed version of a process: immutable once written.</summary>
internal sealed class DefinitionRow
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string Xml { get; set; } = "";
    public string XmlHash { get; set; } = "";
    public DateTime DeployedAt { get; set; }
    public string? DeployedBy { get; set; }

    /// <summary>What the publisher said of this version.</summary>
    public string? Note { get; set; }
}

/// <summary>A process instance; <see cref="State"/> holds its tokens, scopes and variables as JSON.</summary>
internal sealed class InstanceRow
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? StartedBy { get; set; }
    public string State { get; set; } = "";

    /// <summary>The organisation the case belongs to (the applicant's); null for cases of no organisation.</summary>
    public string? Owner { get; set; }

    /// <summary>The case's number people say and search by, e.g. 认定-2026-0001: unique, never reused.</summary>
    public string? Number { get; set; }

    /// <summary>The calling instance, for an instance started by a call activity.</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>Renewed on every save: two steps on one instance cannot both commit.</summary>
    public Guid Revision { get; set; }
}

/// <summary>A user task, open or ended, with the attributes evaluated when it was created.</summary>
internal sealed class UserTaskRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public string ElementId { get; set; } = "";
    public string? Name { get; set; }
    public string DefinitionKey { get; set; } = "";
    public string? BusinessKey { get; set; }

    /// <summary>The owning organisation of the task's case, so inboxes can be scoped to it.</summary>
    public string? Owner { get; set; }

    /// <summary>The number of the task's case (<see cref="InstanceRow.Number"/>), for lists of tasks.</summary>
    public string? CaseNumber { get; set; }

    public string? Assignee { get; set; }
    public string? FormKey { get; set; }
    public DateTime? DueAt { get; set; }
    public int Priority { get; set; }
    public UserTaskState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? CompletedBy { get; set; }
    public Guid Revision { get; set; }

    /// <summary>Who delegated the task to its assignee (委派); it goes back to them when the assignee resolves it.</summary>
    public string? DelegatedBy { get; set; }

    /// <summary>Added signers (加签) still to sign after the assignee, comma-separated, in order.</summary>
    public string? PendingSigners { get; set; }
    public List<TaskCandidateRow> Candidates { get; set; } = [];
}

/// <summary>A user or group that may claim a task.</summary>
internal sealed class TaskCandidateRow
{
    public Guid TaskId { get; set; }
    public CandidateKind Kind { get; set; }
    public string Value { get; set; } = "";
}

internal enum CandidateKind { User, Group }

/// <summary>Work for a service-task handler: due now, or later after a failed attempt.</summary>
internal sealed class JobRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public string ElementId { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LockOwner { get; set; }
    public DateTime? LockExpiresAt { get; set; }
    public string? LastError { get; set; }
    public Guid? IncidentId { get; set; }
}

/// <summary>
/// A pending timer: the truth about a deadline. It fires at <see cref="DueAt"/> in its own step; firing removes the
/// row (a cycle writes the row of its next occurrence), and so does the end of what it waited for. A timer start
/// event's row has no instance.
/// </summary>
internal sealed class TimerRow
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TokenId { get; set; }
    public string DefinitionId { get; set; } = "";
    public string ElementId { get; set; } = "";
    public string? ElementName { get; set; }
    public string DefinitionKey { get; set; } = "";
    public string? BusinessKey { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set while the deadline clock is paused (补正); the timer does not fire then.</summary>
    public DateTime? PausedAt { get; set; }

    /// <summary>While paused: the time that was left, in seconds; resuming sets the due time that far ahead.</summary>
    public long? RemainingSeconds { get; set; }

    /// <summary>A duration counted in working days (<c>kx:calendar="workdays"</c>): pausing keeps working days, not hours.</summary>
    public bool WorkingDays { get; set; }

    /// <summary>While a working-day timer is paused: the working days that were left.</summary>
    public int? RemainingWorkingDays { get; set; }

    /// <summary>The evaluated <c>timeCycle</c> of a repeating timer; null for a one-off.</summary>
    public string? Cycle { get; set; }

    /// <summary>How many occurrences of the cycle fired before this one.</summary>
    public int Fired { get; set; }

    /// <summary>
    /// How many times firing it failed in a row. Below the retry policy's attempts it is tried again after a back-off;
    /// at the limit it waits for an administrator (an incident on its case; a start timer waits for the flow to be published again).
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>Paused because the case went back to the applicant for correction (补正); resumed when they resubmit.</summary>
    public bool PausedForCorrection { get; set; }
}

/// <summary>
/// Something waiting for a message or signal by name: a token at a catch event or receive task, a boundary event,
/// or (no instance) a start event of the latest version.
/// </summary>
internal sealed class MessageSubscriptionRow
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TokenId { get; set; }
    public string DefinitionId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string ElementId { get; set; } = "";
    public string MessageName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>A signal (broadcast to every subscription) rather than a message (delivered to one).</summary>
    public bool IsSignal { get; set; }
}

/// <summary>An element that could not go on, until an administrator retries or resolves it.</summary>
internal sealed class IncidentRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ElementId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>One line of an instance's audit trail.</summary>
internal sealed class HistoryRow
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTime At { get; set; }
    public HistoryKind Kind { get; set; }
    public string? ElementId { get; set; }
    public string? ElementName { get; set; }
    public Guid? TaskId { get; set; }
    public string? UserId { get; set; }
    public string? Comment { get; set; }
    public string? Data { get; set; }
}

/// <summary>
/// Something people must be told, written in the step that caused it and sent after the commit (the outbox):
/// a new task, a decided case, a correction request, an urge, a deadline coming or passed.
/// </summary>
internal sealed class NoticeRow
{
    public Guid Id { get; set; }
    public NoticeKind Kind { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TaskId { get; set; }

    /// <summary>Who caused it, when a person did.</summary>
    public string? UserId { get; set; }

    /// <summary>For whom, when it is meant for one person (a CC, an urge of a delegate).</summary>
    public string? Recipient { get; set; }
    public string? Comment { get; set; }

    /// <summary>Makes a notice about the same thing unique (a reminder per task and threshold); null when any number may exist.</summary>
    public string? DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime AvailableAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>The last case number given for a prefix and year (the sequence of 认定-2026-0001, 认定-2026-0002…).</summary>
internal sealed class CaseNumberRow
{
    public string Prefix { get; set; } = "";
    public int Year { get; set; }
    public long Last { get; set; }
}

/// <summary>A case copied to someone for information (抄送), written in the step that copied it: they may read it from then on.</summary>
internal sealed class TaskCopyRow
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TaskId { get; set; }
    public string UserId { get; set; } = "";
    public string ByUserId { get; set; } = "";
    public DateTime At { get; set; }
}
