using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>
/// A message catch event, receive task or signal catch event subscribes to its message or signal and waits until one
/// is delivered to it.
/// </summary>
internal sealed class MessageCatchBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) =>
        Outcome.WaitOn(NewSubscription.For(node, token.Id, step.Now));
}
