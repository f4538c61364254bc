namespace KxHome.Workflows.Model;

/// <summary>An element kept for the graph of a non-executable process; <paramref name="ElementType"/> is its XML name.</summary>
public sealed record UnsupportedNode(string Id, string? Name, string ElementType) : FlowNode(Id, Name, FlowNodeKind.Unsupported);
