namespace KxHome.Workflows.Model;

/// <summary>
/// Waits for a message by name: an intermediate message catch event, or a receive task (kind
/// <see cref="FlowNodeKind.ReceiveTask"/>), which behaves the same.
/// </summary>
public sealed record MessageCatchNode(string Id, string? Name, FlowNodeKind Kind, string MessageName) : FlowNode(Id, Name, Kind);
