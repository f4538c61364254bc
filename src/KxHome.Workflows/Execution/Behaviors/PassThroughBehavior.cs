using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>None start and throw events, plain and manual tasks: nothing to do but leave.</summary>
internal sealed class PassThroughBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) => Outcome.Leave(FlowSelection.ForActivity(step, token, node));
}
