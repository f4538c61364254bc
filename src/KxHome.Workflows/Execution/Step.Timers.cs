using System.Text.Json.Nodes;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Execution;

// Timers: catch events wait on one; boundary timers are armed while a token waits at their activity.
internal sealed partial class Step
{
    /// <summary>Arms a timer for this token, evaluating its value now.</summary>
    public NewTimer Arm(TimerDefinition timer, Token token, FlowNode node) =>
        TimerDue.Arm(timer, Evaluate(timer.Value, token), node, token.Id, Now, services);

    /// <summary>
    /// Fires a timer: the token waiting at the catch event moves on, or the boundary event leaves by its flows
    /// (cancelling its activity when interrupting). A timer that no longer waits for anything changes nothing.
    /// </summary>
    public bool FireTimer(TimerFiring fired)
    {
        var timerId = fired.Id;
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.Timer && t.WaitId == timerId) is { } waiting)
        {
            ClosedWaits.Add(new ClosedWait(WaitKind.Timer, timerId));
            Record(HistoryKind.TimerFired, model.Node(waiting.ElementId));
            Continue(waiting);
            Run();
            return true;
        }
        var owner = state.Tokens.FirstOrDefault(t => t.BoundaryTimers?.ContainsKey(timerId) == true);
        if (owner is null) return false;
        var boundary = (BoundaryTimerNode)model.Node(owner.BoundaryTimers![timerId]);
        owner.BoundaryTimers.Remove(timerId);
        ClosedWaits.Add(new ClosedWait(WaitKind.Timer, timerId));
        Record(HistoryKind.TimerFired, boundary);
        if (boundary.Interrupting)
        {
            CancelToken(owner, userId: null);
        }
        else if (TimerDue.Next(fired, owner.Id, boundary, services) is { } next)
        {
            Arm(owner, [next]); // the cycle goes on while the activity runs
        }
        var token = NewToken(boundary.Id, owner.ScopeId);
        Continue(token);
        Run();
        return true;
    }

    private IReadOnlyList<NewTimer> BoundaryTimersFor(Token token, FlowNode node)
    {
        var boundaries = model.BoundaryTimersOf(node.Id);
        return boundaries.Count == 0
            ? []
            : boundaries.Select(b => Arm(b.Timer, token, b)).ToList();
    }

    private void Arm(Token token, IReadOnlyList<NewTimer> timers)
    {
        if (timers.Count == 0) return;
        token.BoundaryTimers ??= [];
        foreach (var timer in timers)
        {
            token.BoundaryTimers[timer.Id] = timer.ElementId;
            NewTimers.Add(timer);
            Record(HistoryKind.TimerArmed, model.Node(timer.ElementId), data: new JsonObject { ["dueAt"] = VariableValues.FormatDateTime(timer.DueAt) });
        }
    }

    /// <summary>The token's activity is done or cancelled: its boundary timers will not fire.</summary>
    private void DisarmBoundaryTimers(Token token)
    {
        if (token.BoundaryTimers is not { Count: > 0 } timers) return;
        foreach (var timerId in timers.Keys) ClosedWaits.Add(new ClosedWait(WaitKind.Timer, timerId));
        token.BoundaryTimers = null;
    }
}
