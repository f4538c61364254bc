using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

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
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.Timer && t.WaitId == fired.Id) is { } waiting)
        {
            Close(WaitKind.Timer, fired.Id);
            Record(HistoryKind.TimerFired, model.Node(waiting.ElementId));
            Continue(waiting);
            Run();
            return true;
        }
        if (TriggeredScope(fired.Id) is { } scope)
        {
            Record(HistoryKind.TimerFired, model.Node(scope.EventTriggers![fired.Id]));
            TriggerEventSubProcess(scope, fired.Id, fired);
            Run();
            return true;
        }
        if (BoundaryOwner(fired.Id) is not { } owner) return false;
        if (model.Node(owner.BoundaryEvents![fired.Id]) is TimerCatchNode raced)
        {
            Record(HistoryKind.TimerFired, raced);
            ChooseEvent(owner, fired.Id, raced);
            Run();
            return true;
        }
        var boundary = (BoundaryTimerNode)model.Node(owner.BoundaryEvents![fired.Id]);
        Record(HistoryKind.TimerFired, boundary);
        TriggerBoundary(owner, fired.Id, boundary, () =>
        {
            if (TimerDue.Next(fired, owner.Id, boundary, Now, services) is { } next) ArmTimer(owner, next); // the cycle goes on
        });
        Run();
        return true;
    }

    public void ArmTimer(Token token, NewTimer timer)
    {
        (token.BoundaryEvents ??= [])[timer.Id] = timer.ElementId;
        Open(timer);
        Record(HistoryKind.TimerArmed, model.Node(timer.ElementId), data: new JsonObject { ["dueAt"] = VariableValues.FormatDateTime(timer.DueAt) });
    }
}
