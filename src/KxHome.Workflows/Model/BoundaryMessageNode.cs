namespace KxHome.Workflows.Model;

/// <summary>A message boundary event: a message that arrives while the activity runs (e.g. the applicant withdraws).</summary>
public sealed record BoundaryMessageNode(string Id, string? Name, string AttachedToId, bool Interrupting, string MessageName)
    : BoundaryNode(Id, Name, FlowNodeKind.BoundaryMessageEvent, AttachedToId, Interrupting);
