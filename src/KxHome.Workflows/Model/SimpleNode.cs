namespace KxHome.Workflows.Model;

/// <summary>An element whose behaviour needs no settings: none events, plain and manual tasks, gateways.</summary>
public sealed record SimpleNode(string Id, string? Name, FlowNodeKind Kind) : FlowNode(Id, Name, Kind);
