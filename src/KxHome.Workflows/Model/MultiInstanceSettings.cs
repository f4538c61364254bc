namespace KxHome.Workflows.Model;

/// <summary>
/// Multi-instance on an activity: run it once per item of a collection (<c>camunda:collection</c>, the item in
/// <c>camunda:elementVariable</c>) or a number of times (<c>loopCardinality</c>), all at once or one after another,
/// until all are done or the <c>completionCondition</c> holds.
/// </summary>
public sealed record MultiInstanceSettings(
    bool Sequential, Expression? Cardinality, Expression? Collection, string? ElementVariable, Expression? CompletionCondition);
