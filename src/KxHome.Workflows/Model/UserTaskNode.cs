namespace KxHome.Workflows.Model;

/// <summary>A user task; its attributes are expressions evaluated when the task is created.</summary>
public sealed record UserTaskNode(string Id, string? Name, UserTaskSettings Settings)
    : FlowNode(Id, Name, FlowNodeKind.UserTask);
