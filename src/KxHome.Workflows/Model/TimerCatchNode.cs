namespace KxHome.Workflows.Model;

/// <summary>An intermediate timer catch event: the token waits until the timer fires.</summary>
public sealed record TimerCatchNode(string Id, string? Name, TimerDefinition Timer)
    : FlowNode(Id, Name, FlowNodeKind.TimerCatchEvent);
