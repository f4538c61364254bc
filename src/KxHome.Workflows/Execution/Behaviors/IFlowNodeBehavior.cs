using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>What one kind of element does when a token enters it: leave by some flows, wait, park or end.</summary>
internal interface IFlowNodeBehavior
{
    Outcome Execute(Step step, Token token, FlowNode node);
}
