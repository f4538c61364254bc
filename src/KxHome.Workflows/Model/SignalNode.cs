namespace KxHome.Workflows.Model;

/// <summary>
/// A signal start, intermediate catch, intermediate throw or end event (by <see cref="FlowNode.Kind"/>). A thrown
/// signal reaches everything that waits for its name in every case: catch and boundary events, and start events,
/// which start a new case each.
/// </summary>
public sealed record SignalNode(string Id, string? Name, FlowNodeKind Kind, string SignalName) : FlowNode(Id, Name, Kind);
