namespace KxHome.Workflows.Model;

/// <summary>
/// A call activity: starts an instance of another deployed process and waits until it ends. Variables go in and come
/// out by the <c>camunda:in</c> / <c>camunda:out</c> mappings.
/// </summary>
/// <param name="Id">The element id.</param>
/// <param name="Name">The display name.</param>
/// <param name="CalledElement">The called process's key; may be a <c>${...}</c> expression.</param>
/// <param name="Version">A fixed version (<c>camunda:calledElementBinding="version"</c>); the latest when null.</param>
/// <param name="In">Variables copied into the child when it starts.</param>
/// <param name="Out">Variables copied back when it ends.</param>
/// <param name="PassBusinessKey">The child gets the parent's business key (<c>camunda:in businessKey=...</c>).</param>
public sealed record CallActivityNode(
    string Id, string? Name, Expression CalledElement, int? Version,
    IReadOnlyList<VariableMapping> In, IReadOnlyList<VariableMapping> Out, bool PassBusinessKey)
    : FlowNode(Id, Name, FlowNodeKind.CallActivity);

/// <summary>
/// One <c>camunda:in</c> or <c>camunda:out</c>: a variable (or an expression's value) copied under a target name, or
/// every variable (<c>variables="all"</c>, with <see cref="All"/> set).
/// </summary>
public sealed record VariableMapping(string? Source, Expression? SourceExpression, string? Target, bool All);
