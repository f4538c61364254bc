namespace KxHome.Workflows.Model;

/// <summary>
/// A timer start event: when its timer fires, a new instance starts there (e.g. an assessment campaign every year on
/// October 1). Armed when its version is deployed; deploying a newer version re-arms the newer one's.
/// </summary>
public sealed record TimerStartNode(string Id, string? Name, TimerDefinition Timer)
    : FlowNode(Id, Name, FlowNodeKind.TimerStartEvent);
