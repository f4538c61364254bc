namespace KxHome.Workflows.Model;

/// <summary>
/// An event sub-process (<c>triggeredByEvent="true"</c>): no flow leads into it; while its enclosing scope (the
/// process or a sub-process) runs, its start event (timer, message, signal, error or escalation) waits, and when the
/// event happens it runs in that scope, cancelling everything else there first when <paramref name="Interrupting"/>.
/// </summary>
public sealed record EventSubProcessNode(string Id, string? Name, FlowScope Scope, FlowNode Start, bool Interrupting)
    : FlowNode(Id, Name, FlowNodeKind.EventSubProcess);
