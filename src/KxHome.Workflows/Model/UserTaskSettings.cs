namespace KxHome.Workflows.Model;

/// <summary>The Camunda attributes of a user task, each an expression or a literal.</summary>
public sealed record UserTaskSettings(
    Expression? Assignee,
    Expression? CandidateUsers,
    Expression? CandidateGroups,
    string? FormKey,
    Expression? DueDate,
    Expression? Priority)
{
    /// <summary>
    /// Whether the task is offered to <paramref name="group"/> whatever the case's data: the group is named in a
    /// literal <c>candidateGroups</c> list (one with <c>${...}</c> depends on the case).
    /// </summary>
    public bool AlwaysOffersTo(string group) => CandidateGroups is { IsLiteral: true } groups && Names(groups.Source).Contains(group);

    /// <summary>A comma-separated list of names as the engine reads it: trimmed, without empty or repeated entries.</summary>
    public static IReadOnlyList<string> Names(string list) => Names(list.Split(','));

    /// <summary>Names as the engine keeps them: trimmed, without empty or repeated entries.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string> names) => names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
}
