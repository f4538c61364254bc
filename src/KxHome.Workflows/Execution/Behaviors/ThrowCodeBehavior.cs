using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>Error end, escalation end and escalation throw events: the code travels to the activities around them.</summary>
internal sealed class ThrowCodeBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) => step.Throw(token, (ThrowCodeNode)node);
}
