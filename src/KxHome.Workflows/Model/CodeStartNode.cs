namespace KxHome.Workflows.Model;

/// <summary>
/// The error or escalation start event of an event sub-process: it catches the code (every code when
/// <paramref name="Code"/> is null) thrown in the scope around it, as a boundary event on that scope would.
/// </summary>
public sealed record CodeStartNode(string Id, string? Name, FlowNodeKind Kind, string? Code, string? CodeVariable) : FlowNode(Id, Name, Kind)
{
    public bool IsError => Kind == FlowNodeKind.ErrorStartEvent;

    /// <summary>Whether this event catches the code thrown.</summary>
    public bool Catches(bool error, string? code) => error == IsError && (Code is null || Code == code);
}
