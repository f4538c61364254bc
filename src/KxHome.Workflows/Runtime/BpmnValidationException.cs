using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Runtime;

/// <summary>A BPMN file was refused; <see cref="Problems"/> names every element at fault.</summary>
public sealed class BpmnValidationException(IReadOnlyList<BpmnProblem> problems)
    : WorkflowException("invalid-bpmn", $"BPMN 文件有 {problems.Count} 处错误：{problems[0].Message}")
{
    /// <summary>Every problem found, with element id, line and column.</summary>
    public IReadOnlyList<BpmnProblem> Problems { get; } = problems;
}
