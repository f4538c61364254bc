namespace KxHome.Workflows.Model;

/// <summary>
/// A boundary event on an activity, armed while a token waits there. Interrupting: when it triggers the activity is
/// cancelled and the token leaves by the boundary event's flows. Non-interrupting: a new token leaves by them and the
/// activity goes on.
/// </summary>
public abstract record BoundaryNode(string Id, string? Name, FlowNodeKind Kind, string AttachedToId, bool Interrupting)
    : FlowNode(Id, Name, Kind);
