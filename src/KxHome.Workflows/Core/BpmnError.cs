namespace KxHome.Workflows.Core;

/// <summary>
/// Thrown by a service-task handler for a business failure the flow models (an error boundary event with this
/// code), not a technical one: it is not retried, and the first boundary event that catches the code takes over.
/// </summary>
public sealed class BpmnError(string code, string? message = null) : Exception(message ?? code)
{
    /// <summary>The error code a boundary event's &lt;error errorCode&gt; matches.</summary>
    public string Code { get; } = code;
}
