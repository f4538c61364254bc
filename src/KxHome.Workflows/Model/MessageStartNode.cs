namespace KxHome.Workflows.Model;

/// <summary>A message start event: a message with this name starts a new instance there.</summary>
public sealed record MessageStartNode(string Id, string? Name, string MessageName) : FlowNode(Id, Name, FlowNodeKind.MessageStartEvent);
