namespace KxHome.Workflows.Model;

/// <summary>What a history entry records. History is the audit trail people read.</summary>
public enum HistoryKind
{
    InstanceStarted,
    InstanceCompleted,
    InstanceCancelled,
    ElementEntered,
    ElementLeft,
    ElementCancelled,
    TaskCreated,
    TaskClaimed,
    TaskCompleted,
    TaskCancelled,
    VariableSet,
    JobFailed,
    IncidentRaised,
    IncidentRetried,
    IncidentResolved,
    TimerArmed,
    TimerFired,
    TimerFailed,
    TimerExtended,
    TimerPaused,
    TimerResumed,
    MessageReceived,

    /// <summary>An administrator moved the case to another version of its flow.</summary>
    InstanceMigrated,

    // Approval operations: each says who did it and why.
    TaskDelegated,
    TaskResolved,
    TaskTransferred,
    SignerAdded,
    TaskSigned,
    TaskReturned,
    CorrectionRequested,
    InstanceWithdrawn,
    TaskCopied,
    TaskUrged,
    TaskCandidatesAdded,

    /// <summary>An administrator made a waiting timer fall due now (a repair, with the reason).</summary>
    TimerDueNow,

    /// <summary>An error was thrown and caught by a boundary event, or ended a called process.</summary>
    ErrorThrown,

    /// <summary>An escalation was thrown and caught by a boundary event.</summary>
    EscalationThrown,

    /// <summary>A broadcast signal reached a waiting catch or boundary event.</summary>
    SignalReceived,
}
