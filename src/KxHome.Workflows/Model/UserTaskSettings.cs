namespace KxHome.Workflows.Model;

/// <summary>The Camunda attributes of a user task, each an expression or a literal.</summary>
public sealed record UserTaskSettings(
    Expression? Assignee,
    Expression? CandidateUsers,
    Expression? CandidateGroups,
    string? FormKey,
    Expression? DueDate,
    Expression? Priority);
