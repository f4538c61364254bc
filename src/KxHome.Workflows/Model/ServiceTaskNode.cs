namespace KxHome.Workflows.Model;

/// <summary>
/// An external service task (<c>camunda:type="external"</c>), handled by the C# handler registered for its topic.
/// Its <c>camunda:inputParameter</c>s are worked out when the handler runs and given to it with the case's variables.
/// </summary>
public sealed record ServiceTaskNode(string Id, string? Name, string Topic)
    : FlowNode(Id, Name, FlowNodeKind.ServiceTask)
{
    public IReadOnlyList<InputParameter> Inputs { get; init; } = [];
}

/// <summary>A <c>camunda:inputParameter</c>: a name and its text (a literal or <c>${...}</c>).</summary>
public sealed record InputParameter(string Name, Expression Value);
