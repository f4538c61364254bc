namespace KxHome.Workflows.Model;

/// <summary>The BPMN element kinds the engine knows how to run.</summary>
public enum FlowNodeKind
{
    NoneStartEvent,
    NoneEndEvent,
    TerminateEndEvent,
    NoneIntermediateThrowEvent,
    Task,
    ManualTask,
    UserTask,
    ServiceTask,

    /// <summary>A service, send or business-rule task given as an expression (<c>camunda:expression</c>).</summary>
    ExpressionTask,

    /// <summary>A script task whose JavaScript is one expression, run in the expression sandbox.</summary>
    ScriptTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    SubProcess,
    TimerStartEvent,
    TimerCatchEvent,
    BoundaryTimerEvent,
    MessageStartEvent,
    MessageCatchEvent,
    ReceiveTask,
    CallActivity,
    BoundaryMessageEvent,
    ErrorEndEvent,
    EscalationEndEvent,
    EscalationThrowEvent,
    BoundaryErrorEvent,
    BoundaryEscalationEvent,
    SignalStartEvent,
    SignalCatchEvent,
    SignalThrowEvent,
    SignalEndEvent,
    BoundarySignalEvent,
    EventBasedGateway,
    EventSubProcess,
    ErrorStartEvent,
    EscalationStartEvent,
    ConditionalCatchEvent,
    BoundaryConditionalEvent,

    /// <summary>An element the engine cannot run; only non-executable processes may contain one.</summary>
    Unsupported,
}
