using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Event sub-processes: while a scope runs, the start events of its event sub-processes wait (timers and subscriptions
// kept on the scope); the event starts the sub-process in that scope, after cancelling the rest when interrupting.
internal sealed partial class Step
{
    /// <summary>Arms the event sub-processes of a scope that has just begun: the process, a sub-process, an event sub-process.</summary>
    public void ArmEventSubProcesses(ScopeState scope, FlowScope contents)
    {
        foreach (var triggered in contents.Nodes.OfType<EventSubProcessNode>()) ArmTrigger(scope, triggered.Start, after: null);
    }

    /// <summary>Arms one start event on the scope; <paramref name="after"/> is the cycle timer that just fired.</summary>
    private void ArmTrigger(ScopeState scope, FlowNode start, TimerFiring? after)
    {
        Guid waitId;
        switch (start)
        {
            case TimerStartNode timer:
                var armed = after is null
                    ? TimerDue.Arm(timer.Timer, services.Expressions.Evaluate(timer.Timer.Value, state.VisibleVariables(scope.Id)), timer, null, Now, services)
                    : TimerDue.Next(after, null, timer, Now, services);
                if (armed is null) return; // the cycle is over
                Open(armed);
                Record(HistoryKind.TimerArmed, timer, data: new JsonObject { ["dueAt"] = VariableValues.FormatDateTime(armed.DueAt) });
                waitId = armed.Id;
                break;
            case MessageStartNode or SignalNode:
                var subscription = NewSubscription.For(start, tokenId: null, Now);
                Open(subscription);
                waitId = subscription.Id;
                break;
            default:
                return; // error and escalation start events are caught as codes are thrown, not armed
        }
        (scope.EventTriggers ??= [])[waitId] = start.Id;
    }

    /// <summary>The scope is over (ended or cancelled): its event sub-processes will not start.</summary>
    private void DisarmEventSubProcesses(ScopeState scope)
    {
        if (scope.EventTriggers is not { Count: > 0 } armed) return;
        foreach (var (waitId, startId) in armed)
        {
            Close(model.Node(startId) is TimerStartNode ? WaitKind.Timer : WaitKind.Message, waitId);
        }
        scope.EventTriggers = null;
    }

    private ScopeState? TriggeredScope(Guid waitId) => state.Scopes.FirstOrDefault(s => s.EventTriggers?.ContainsKey(waitId) == true);

    /// <summary>A timer, message or signal of an event sub-process happened: the sub-process starts in its scope.</summary>
    private void TriggerEventSubProcess(ScopeState scope, Guid waitId, TimerFiring? fired)
    {
        var start = model.Node(scope.EventTriggers![waitId]);
        scope.EventTriggers.Remove(waitId);
        Close(fired is null ? WaitKind.Message : WaitKind.Timer, waitId);
        var triggered = (EventSubProcessNode)model.Node(model.ScopeOf(start.Id).Id);
        if (!triggered.Interrupting) ArmTrigger(scope, start, fired); // it keeps listening: a cycle arms its next time
        StartEventSubProcess(scope, triggered);
    }

    /// <summary>The event sub-process of this scope that catches a thrown code, if any.</summary>
    private EventSubProcessNode? CatchingEventSubProcess(ScopeState scope, bool error, string? code) =>
        ContentsOf(scope)?.Nodes.OfType<EventSubProcessNode>().FirstOrDefault(e => e.Start is CodeStartNode start && start.Catches(error, code));

    private void StartByCode(ScopeState scope, EventSubProcessNode triggered, string? code, string? message)
    {
        var start = (CodeStartNode)triggered.Start;
        RecordCaught(start, start.IsError, code, message);
        if (start.CodeVariable is { } variable) SetLocalVariables(scope, new Dictionary<string, JsonNode?> { [variable] = code }, null);
        StartEventSubProcess(scope, triggered);
    }

    /// <summary>Runs the event sub-process in the scope: a token waits at it, as at a sub-process, and one leaves its start event.</summary>
    private void StartEventSubProcess(ScopeState parent, EventSubProcessNode triggered)
    {
        if (triggered.Interrupting)
        {
            foreach (var other in state.Tokens.Where(t => t.ScopeId == parent.Id).ToList()) CancelToken(other, userId: null);
            DisarmEventSubProcesses(parent);
        }
        var holder = NewToken(triggered.Id, parent.Id);
        Record(HistoryKind.ElementEntered, triggered);
        var scope = new ScopeState { Id = Ids.Random(), ParentId = parent.Id, ElementId = triggered.Id, ParentTokenId = holder.Id };
        state.Scopes.Add(scope);
        holder.Status = TokenStatus.Waiting;
        holder.WaitKind = WaitKind.SubProcess;
        holder.WaitId = scope.Id;
        ArmEventSubProcesses(scope, triggered.Scope);
        var start = NewToken(triggered.Start.Id, scope.Id);
        Record(HistoryKind.ElementEntered, triggered.Start);
        Continue(start);
    }

    /// <summary>What a scope holds: the process, a sub-process or an event sub-process; null for a multi-instance body.</summary>
    private FlowScope? ContentsOf(ScopeState scope)
    {
        if (scope.ParentId is null) return model.Root;
        if (scope.ParentTokenId is not { } ownerId || state.Tokens.FirstOrDefault(t => t.Id == ownerId) is not { WaitKind: WaitKind.SubProcess }) return null;
        return model.Node(scope.ElementId!) switch
        {
            SubProcessNode sub => sub.Scope,
            EventSubProcessNode triggered => triggered.Scope,
            _ => null,
        };
    }
}
