using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A conditional catch event passes when its condition holds, else waits for a change of variables that makes it hold.</summary>
internal sealed class ConditionalCatchBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        if (step.Holds(((ConditionalCatchNode)node).Condition, token)) return Outcome.Leave(FlowSelection.ForActivity(step, token, node));
        token.WaitKind = WaitKind.Condition;
        return Outcome.Wait;
    }
}
