namespace KxHome.Workflows.Model;

/// <summary>
/// A timer boundary event on an activity. Interrupting: when it fires the activity is cancelled and the token
/// leaves by the boundary event's flows. Non-interrupting: a new token leaves by them and the activity goes on.
/// </summary>
public sealed record BoundaryTimerNode(string Id, string? Name, string AttachedToId, bool Interrupting, TimerDefinition Timer)
    : FlowNode(Id, Name, FlowNodeKind.BoundaryTimerEvent);
