namespace KxHome.Workflows.Model;

/// <summary>The contents of a process or embedded sub-process: its nodes and the flows between them.</summary>
public sealed class FlowScope(string id, IReadOnlyList<FlowNode> nodes, IReadOnlyList<SequenceFlow> flows)
{
    private readonly Dictionary<string, FlowNode> _nodes = nodes.ToDictionary(n => n.Id);
    private readonly Dictionary<string, SequenceFlow> _flows = flows.ToDictionary(f => f.Id);

    /// <summary>The id of the process or sub-process element.</summary>
    public string Id { get; } = id;

    /// <summary>Nodes in document order.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; } = nodes;

    /// <summary>Flows in document order.</summary>
    public IReadOnlyList<SequenceFlow> Flows { get; } = flows;

    /// <summary>The none start event where a token enters this scope, if any.</summary>
    public FlowNode? NoneStart => Nodes.FirstOrDefault(n => n.Kind == FlowNodeKind.NoneStartEvent);

    /// <summary>The node with this id directly in this scope.</summary>
    public FlowNode Node(string id) => _nodes[id];

    /// <summary>The flow with this id directly in this scope.</summary>
    public SequenceFlow Flow(string id) => _flows[id];

    /// <summary>True if this scope directly holds the node.</summary>
    public bool Contains(string nodeId) => _nodes.ContainsKey(nodeId);
}
