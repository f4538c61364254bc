namespace KxHome.Workflows.Model;

/// <summary>
/// Something wrong with a BPMN file, located by element id and position so a designer can point at it.
/// </summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>duplicate-id</c>.</param>
/// <param name="Message">A sentence in Chinese for the person who drew the flow.</param>
/// <param name="ElementId">The element it concerns, if any.</param>
/// <param name="Line">1-based line, 0 if unknown.</param>
/// <param name="Column">1-based column, 0 if unknown.</param>
public sealed record BpmnProblem(string Code, string Message, string? ElementId, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column} [{Code}] {ElementId}: {Message}";
}
