namespace KxHome.Workflows.Model;

/// <summary>
/// A conditional boundary event: while its activity waits, it triggers when the condition holds as the activity starts
/// or after a change of the case's variables. A condition that cannot be evaluated yet (a variable not set) does not hold.
/// </summary>
public sealed record BoundaryConditionalNode(string Id, string? Name, string AttachedToId, bool Interrupting, Expression Condition)
    : BoundaryNode(Id, Name, FlowNodeKind.BoundaryConditionalEvent, AttachedToId, Interrupting);
