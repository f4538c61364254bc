namespace KxHome.Workflows.Model;

/// <summary>A signal boundary event: a signal broadcast while the activity runs.</summary>
public sealed record BoundarySignalNode(string Id, string? Name, string AttachedToId, bool Interrupting, string SignalName)
    : BoundaryNode(Id, Name, FlowNodeKind.BoundarySignalEvent, AttachedToId, Interrupting);
