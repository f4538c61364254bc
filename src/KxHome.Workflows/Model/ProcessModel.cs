namespace KxHome.Workflows.Model;

/// <summary>One executable BPMN process, immutable once parsed.</summary>
public sealed class ProcessModel
{
    private readonly Dictionary<string, (FlowNode Node, FlowScope Scope)> _index = [];
    private readonly Dictionary<string, List<BoundaryNode>> _boundaries = [];

    /// <summary>Builds the model and indexes every node by id, however deeply nested.</summary>
    public ProcessModel(string key, string? name, bool isExecutable, FlowScope root)
    {
        Key = key;
        Name = name;
        IsExecutable = isExecutable;
        Root = root;
        Index(root);
    }

    /// <summary>The process id, used as the definition key.</summary>
    public string Key { get; }

    /// <summary>The display name.</summary>
    public string? Name { get; }

    /// <summary>Whether the file marks it executable.</summary>
    public bool IsExecutable { get; }

    /// <summary>
    /// The groups who may start the process (<c>camunda:candidateStarterGroups</c>), e.g. <c>applicant</c> for a
    /// programme applicants apply to. Empty when the file names none.
    /// </summary>
    public IReadOnlyList<string> CandidateStarterGroups { get; init; } = [];

    /// <summary>
    /// Whether people may start the process themselves (<c>camunda:isStartableInTasklist</c>, true unless the file says
    /// false): a flow started only by another (a yearly round, a called rectification) is not offered to anyone.
    /// </summary>
    public bool IsStartableInTasklist { get; init; } = true;

    /// <summary>What its cases' numbers begin with (<c>kx:caseNumberPrefix</c>, e.g. 认定 for 认定-2026-0001); 案件 when the file names none.</summary>
    public string CaseNumberPrefix { get; init; } = "案件";

    /// <summary>The variable that receives the id of the person who started the case (<c>camunda:initiator</c>), if any.</summary>
    public string? InitiatorVariable { get; init; }

    /// <summary>The top-level scope.</summary>
    public FlowScope Root { get; }

    /// <summary>Every node, however deeply nested.</summary>
    public IEnumerable<FlowNode> AllNodes => _index.Values.Select(v => v.Node);

    /// <summary>The node with this id anywhere in the process.</summary>
    public FlowNode Node(string id) => _index[id].Node;

    /// <summary>The scope that directly holds the node.</summary>
    public FlowScope ScopeOf(string nodeId) => _index[nodeId].Scope;

    /// <summary>The boundary events attached to an activity.</summary>
    public IReadOnlyList<BoundaryNode> BoundaryEventsOf(string activityId) =>
        _boundaries.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>True if a node with this id exists anywhere in the process.</summary>
    public bool Contains(string nodeId) => _index.ContainsKey(nodeId);

    private void Index(FlowScope scope)
    {
        foreach (var node in scope.Nodes)
        {
            _index[node.Id] = (node, scope);
            if (node is BoundaryNode boundary)
            {
                if (!_boundaries.TryGetValue(boundary.AttachedToId, out var list)) _boundaries[boundary.AttachedToId] = list = [];
                list.Add(boundary);
            }
            if (node is SubProcessNode sub) Index(sub.Scope);
            if (node is EventSubProcessNode triggered) Index(triggered.Scope);
        }
    }
}
