using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A message catch event or receive task subscribes to its message and waits until one is correlated to it.</summary>
internal sealed class MessageCatchBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var subscription = new NewSubscription(Guid.CreateVersion7(), token.Id, node.Id, ((MessageCatchNode)node).MessageName);
        token.WaitKind = WaitKind.Message;
        token.WaitId = subscription.Id;
        step.Subscribe(token, subscription);
        return Outcome.Wait;
    }
}
