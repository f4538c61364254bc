namespace KxHome.Workflows.Execution;

/// <summary>Raised inside a step when an element cannot go on; the lifecycle turns it into an incident.</summary>
internal sealed class IncidentException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;
}
