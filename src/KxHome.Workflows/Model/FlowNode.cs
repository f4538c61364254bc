namespace KxHome.Workflows.Model;

/// <summary>A node of a process graph: an event, activity or gateway.</summary>
/// <param name="Id">The BPMN element id.</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="Kind">What the element is; decides its behaviour.</param>
public abstract record FlowNode(string Id, string? Name, FlowNodeKind Kind)
{
    /// <summary>Ids of the outgoing sequence flows, in document order.</summary>
    public IReadOnlyList<string> Outgoing { get; init; } = [];

    /// <summary>Ids of the incoming sequence flows, in document order.</summary>
    public IReadOnlyList<string> Incoming { get; init; } = [];

    /// <summary>The flow taken when no conditional outgoing flow is true (activities, exclusive and inclusive gateways).</summary>
    public string? DefaultFlowId { get; init; }

    /// <summary>Set when the activity runs as several instances (会签, 或签, 依次审批).</summary>
    public MultiInstanceSettings? MultiInstance { get; init; }

    /// <summary>The name if it has one, else the id: what people read.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
