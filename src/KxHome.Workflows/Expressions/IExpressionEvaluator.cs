using System.Text.Json.Nodes;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Expressions;

/// <summary>The port through which the engine evaluates <c>${...}</c> expressions against variables.</summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// The value of the expression: a literal as a string, a single script with its own type, a template as a string.
    /// Throws <see cref="ExpressionException"/> on any failure, including time and statement limits.
    /// </summary>
    JsonNode? Evaluate(Expression expression, IReadOnlyDictionary<string, JsonNode?> variables);
}
