using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>Evaluates the task's expression or script, keeps its value if the task names a result variable, and leaves.</summary>
internal sealed class ExpressionTaskBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var task = (ExpressionTaskNode)node;
        var value = step.Evaluate(task.Expression, token);
        if (task.ResultVariable is { } name) step.SetVariables(token.ScopeId, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { [name] = value }, null);
        return Outcome.Leave(FlowSelection.ForActivity(step, token, node));
    }
}
