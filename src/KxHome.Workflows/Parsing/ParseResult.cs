using KxHome.Workflows.Model;

namespace KxHome.Workflows.Parsing;

/// <summary>What parsing a BPMN file gave: its processes, and every problem found (never an exception).</summary>
public sealed record ParseResult(IReadOnlyList<ProcessModel> Processes, IReadOnlyList<BpmnProblem> Problems)
{
    /// <summary>True when there is nothing wrong with the file.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>A result that is only problems.</summary>
    public static ParseResult Failed(BpmnProblem problem) => new([], [problem]);
}
