namespace KxHome.Workflows.Model;

/// <summary>An external service task (<c>camunda:type="external"</c>), handled by the C# handler registered for its topic.</summary>
public sealed record ServiceTaskNode(string Id, string? Name, string Topic)
    : FlowNode(Id, Name, FlowNodeKind.ServiceTask);
