using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>Conditions in document order, the first true one wins; else the default; else an incident.</summary>
internal sealed class ExclusiveGatewayBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) => Outcome.Leave(FlowSelection.FirstTrue(step, token, node));
}
