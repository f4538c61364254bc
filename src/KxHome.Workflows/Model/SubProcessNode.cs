namespace KxHome.Workflows.Model;

/// <summary>An embedded sub-process: a nested scope with its own start event and variables.</summary>
public sealed record SubProcessNode(string Id, string? Name, FlowScope Scope)
    : FlowNode(Id, Name, FlowNodeKind.SubProcess);
