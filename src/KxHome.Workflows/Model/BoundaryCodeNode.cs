namespace KxHome.Workflows.Model;

/// <summary>
/// An error or escalation boundary event: it catches the code thrown inside its activity (an end or throw event within,
/// a handler's <c>BpmnError</c>, a called process's error end), or every code when <paramref name="Code"/> is null.
/// An error boundary always interrupts. <paramref name="CodeVariable"/> receives the caught code
/// (<c>camunda:errorCodeVariable</c> / <c>camunda:escalationCodeVariable</c>), <paramref name="MessageVariable"/> an error's message.
/// </summary>
public sealed record BoundaryCodeNode(string Id, string? Name, FlowNodeKind Kind, string AttachedToId, bool Interrupting,
    string? Code, string? CodeVariable, string? MessageVariable)
    : BoundaryNode(Id, Name, Kind, AttachedToId, Interrupting)
{
    public bool IsError => Kind == FlowNodeKind.BoundaryErrorEvent;

    /// <summary>Whether this event catches the code thrown.</summary>
    public bool Catches(bool error, string? code) => error == IsError && (Code is null || Code == code);
}
