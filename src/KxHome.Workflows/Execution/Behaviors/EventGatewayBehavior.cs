using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>
/// An event-based gateway: the events after it race. Each is armed on the gateway's token as a boundary event would
/// be; the first to happen takes the token on and the others are withdrawn (<see cref="Step.ChooseEvent"/>).
/// </summary>
internal sealed class EventGatewayBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var scope = step.Model.ScopeOf(node.Id);
        foreach (var target in node.Outgoing.Select(id => step.Model.Node(scope.Flow(id).TargetId)))
        {
            switch (target)
            {
                case TimerCatchNode timer:
                    step.ArmTimer(token, step.Arm(timer.Timer, token, timer) with { Cycle = null });
                    break;
                case SignalNode signal:
                    step.Subscribe(token, new NewSubscription(Guid.CreateVersion7(), token.Id, signal.Id, signal.SignalName, Signal: true));
                    break;
                case MessageCatchNode message:
                    step.Subscribe(token, new NewSubscription(Guid.CreateVersion7(), token.Id, message.Id, message.MessageName));
                    break;
            }
        }
        token.WaitKind = WaitKind.EventGateway;
        return Outcome.Wait;
    }
}
