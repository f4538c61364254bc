using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>The behaviour of each element kind.</summary>
internal static class BehaviorFor
{
    private static readonly Dictionary<FlowNodeKind, IFlowNodeBehavior> Behaviors = new()
    {
        [FlowNodeKind.NoneStartEvent] = new PassThroughBehavior(),
        [FlowNodeKind.TimerStartEvent] = new PassThroughBehavior(),
        [FlowNodeKind.NoneIntermediateThrowEvent] = new PassThroughBehavior(),
        [FlowNodeKind.Task] = new PassThroughBehavior(),
        [FlowNodeKind.ManualTask] = new PassThroughBehavior(),
        [FlowNodeKind.NoneEndEvent] = new NoneEndEventBehavior(),
        [FlowNodeKind.TerminateEndEvent] = new TerminateEndEventBehavior(),
        [FlowNodeKind.UserTask] = new UserTaskBehavior(),
        [FlowNodeKind.ServiceTask] = new ServiceTaskBehavior(),
        [FlowNodeKind.ExpressionTask] = new ExpressionTaskBehavior(),
        [FlowNodeKind.ScriptTask] = new ExpressionTaskBehavior(),
        [FlowNodeKind.SubProcess] = new SubProcessBehavior(),
        [FlowNodeKind.ExclusiveGateway] = new ExclusiveGatewayBehavior(),
        [FlowNodeKind.ParallelGateway] = new ParallelGatewayBehavior(),
        [FlowNodeKind.InclusiveGateway] = new InclusiveGatewayBehavior(),
        [FlowNodeKind.EventBasedGateway] = new EventGatewayBehavior(),
        [FlowNodeKind.ConditionalCatchEvent] = new ConditionalCatchBehavior(),
        [FlowNodeKind.TimerCatchEvent] = new TimerCatchEventBehavior(),
        [FlowNodeKind.MessageStartEvent] = new PassThroughBehavior(),
        [FlowNodeKind.MessageCatchEvent] = new MessageCatchBehavior(),
        [FlowNodeKind.ReceiveTask] = new MessageCatchBehavior(),
        [FlowNodeKind.CallActivity] = new CallActivityBehavior(),
        [FlowNodeKind.SignalStartEvent] = new PassThroughBehavior(),
        [FlowNodeKind.SignalCatchEvent] = new MessageCatchBehavior(),
        [FlowNodeKind.SignalThrowEvent] = new SignalThrowBehavior(),
        [FlowNodeKind.SignalEndEvent] = new SignalThrowBehavior(),
        [FlowNodeKind.ErrorEndEvent] = new ThrowCodeBehavior(),
        [FlowNodeKind.EscalationEndEvent] = new ThrowCodeBehavior(),
        [FlowNodeKind.EscalationThrowEvent] = new ThrowCodeBehavior(),
    };

    public static IFlowNodeBehavior Node(FlowNode node) =>
        Behaviors.TryGetValue(node.Kind, out var behavior)
            ? behavior
            : throw new IncidentException("unsupported-element", $"“{node.DisplayName}” 是引擎不能执行的元素");
}
