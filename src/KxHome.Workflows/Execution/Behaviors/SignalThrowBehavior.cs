using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A signal throw or end event: the signal is broadcast when the step is written, in the same transaction.</summary>
internal sealed class SignalThrowBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        step.ThrownSignals.Add(((SignalNode)node).SignalName);
        return node.Kind == FlowNodeKind.SignalEndEvent ? Outcome.End : Outcome.Leave(FlowSelection.ForActivity(step, token, node));
    }
}
