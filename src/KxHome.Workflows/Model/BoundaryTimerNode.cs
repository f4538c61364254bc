namespace KxHome.Workflows.Model;

/// <summary>A timer boundary event: a deadline on its activity.</summary>
public sealed record BoundaryTimerNode(string Id, string? Name, string AttachedToId, bool Interrupting, TimerDefinition Timer)
    : BoundaryNode(Id, Name, FlowNodeKind.BoundaryTimerEvent, AttachedToId, Interrupting);
