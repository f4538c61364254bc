namespace KxHome.Workflows.Model;

/// <summary>
/// An intermediate conditional catch event: the token passes at once when its condition holds, else waits until a
/// change of the case's variables makes it hold.
/// </summary>
public sealed record ConditionalCatchNode(string Id, string? Name, Expression Condition) : FlowNode(Id, Name, FlowNodeKind.ConditionalCatchEvent);
