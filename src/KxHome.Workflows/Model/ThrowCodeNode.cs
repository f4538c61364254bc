namespace KxHome.Workflows.Model;

/// <summary>
/// An error end event, or an escalation end or intermediate throw event: it throws its code to the activities that
/// enclose it, where a boundary event (<see cref="BoundaryCodeNode"/>) may catch it. <paramref name="Code"/> is the
/// <c>errorCode</c> or <c>escalationCode</c>; null when the event names none.
/// </summary>
public sealed record ThrowCodeNode(string Id, string? Name, FlowNodeKind Kind, string? Code) : FlowNode(Id, Name, Kind)
{
    public bool IsError => Kind == FlowNodeKind.ErrorEndEvent;
}
