using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A terminate end event ends every other token of its scope: the whole process, or just the sub-process it is in.</summary>
internal sealed class TerminateEndEventBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        foreach (var other in step.State.Tokens.Where(t => t.ScopeId == token.ScopeId && t != token).ToList())
        {
            step.CancelToken(other, userId: null);
        }
        return Outcome.End;
    }
}
