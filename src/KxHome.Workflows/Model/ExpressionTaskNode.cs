namespace KxHome.Workflows.Model;

/// <summary>
/// A service, send or business-rule task given as <c>camunda:expression</c> (kind <see cref="FlowNodeKind.ExpressionTask"/>),
/// or a JavaScript script task (<see cref="FlowNodeKind.ScriptTask"/>): the expression is evaluated in the sandbox as
/// the token passes, and its value kept in <paramref name="ResultVariable"/> when one is named.
/// </summary>
public sealed record ExpressionTaskNode(string Id, string? Name, FlowNodeKind Kind, Expression Expression, string? ResultVariable)
    : FlowNode(Id, Name, Kind);
