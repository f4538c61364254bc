namespace KxHome.Workflows.Execution;

/// <summary>Raised inside a step when an element cannot go on; the lifecycle turns it into an incident.</summary>
internal sealed class IncidentException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;

    /// <summary>
    /// Whether an error is one the case's data or its flow caused (an incident here, or an expression that failed), so
    /// the token stops at its element with an incident to repair and retry; any other error fails the whole step.
    /// </summary>
    public static bool StopsTheToken(Exception ex) => ex is IncidentException or Expressions.ExpressionException;
}
