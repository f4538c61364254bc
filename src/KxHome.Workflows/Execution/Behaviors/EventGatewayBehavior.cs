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
            if (target is TimerCatchNode timer) step.ArmTimer(token, step.Arm(timer.Timer, token, timer) with { Cycle = null });
            else step.Subscribe(token, NewSubscription.For(target, token.Id, step.Now));
        }
        token.WaitKind = WaitKind.EventGateway;
        return Outcome.Wait;
    }
}
