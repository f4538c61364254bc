namespace KxHome.Workflows.Model;

/// <summary>What a case waits on at an element that a migration moves to another version.</summary>
public enum MigrationWaitKind
{
    UserTask,

    /// <summary>A service task's job, queued for its handler.</summary>
    Job,

    /// <summary>A timer catch event.</summary>
    Timer,

    /// <summary>A message catch event or receive task.</summary>
    Message,
    CallActivity,
    SubProcess,

    /// <summary>The body of a multi-instance activity (its instances are moves of their own).</summary>
    MultiInstance,

    /// <summary>A token parked at a joining gateway.</summary>
    Join,

    /// <summary>A token stopped by an incident.</summary>
    Incident,
    /// <summary>A token at an event-based gateway, waiting for the first of the events after it (each a boundary move).</summary>
    EventGateway,
    /// <summary>A conditional catch event, waiting for its condition to hold.</summary>
    Condition,
    BoundaryTimer,
    BoundaryMessage,
    BoundaryCondition,
}
