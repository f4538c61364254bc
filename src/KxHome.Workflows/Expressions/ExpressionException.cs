namespace KxHome.Workflows.Expressions;

/// <summary>An expression could not be parsed or evaluated; the message is Chinese and names the expression.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
