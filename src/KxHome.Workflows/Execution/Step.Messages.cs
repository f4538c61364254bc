using System.Text.Json.Nodes;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Messages: a token waits on a subscription at a message catch event or receive task, or one is armed for a
// message boundary event; a correlated message delivers its variables and moves the token on.
internal sealed partial class Step
{
    /// <summary>Opens a subscription of an event on the token's activity (a boundary event, or an event after a gateway).</summary>
    public void Subscribe(Token token, NewSubscription subscription)
    {
        Open(subscription);
        (token.BoundaryEvents ??= [])[subscription.Id] = subscription.ElementId;
    }

    /// <summary>Delivers a message or signal to the subscription; false when it no longer waits for anything.</summary>
    public bool DeliverMessage(Guid subscriptionId, IReadOnlyDictionary<string, JsonNode?> variables, string? userId)
    {
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.Message && t.WaitId == subscriptionId) is { } waiting)
        {
            var node = model.Node(waiting.ElementId);
            Close(WaitKind.Message, subscriptionId);
            SetVariables(waiting.ScopeId, variables, userId);
            RecordReceived(node, userId);
            Continue(waiting);
            Run();
            return true;
        }
        if (TriggeredScope(subscriptionId) is { } scope)
        {
            SetVariables(scope.Id, variables, userId);
            RecordReceived(model.Node(scope.EventTriggers![subscriptionId]), userId);
            TriggerEventSubProcess(scope, subscriptionId, fired: null);
            Run();
            return true;
        }
        if (BoundaryOwner(subscriptionId) is not { } owner) return false;
        var armed = model.Node(owner.BoundaryEvents![subscriptionId]); // a boundary event, or an event racing after a gateway
        SetVariables(owner.ScopeId, variables, userId);
        RecordReceived(armed, userId);
        if (armed is BoundaryNode boundary)
        {
            TriggerBoundary(owner, subscriptionId, boundary, () => Subscribe(owner, NewSubscription.For(boundary, owner.Id, Now)));
        }
        else
        {
            ChooseEvent(owner, subscriptionId, armed);
        }
        Run();
        return true;
    }

    private void RecordReceived(FlowNode node, string? userId)
    {
        var (name, signal) = NewSubscription.Awaited(node)!.Value;
        Record(signal ? HistoryKind.SignalReceived : HistoryKind.MessageReceived, node, userId: userId,
            data: new JsonObject { [signal ? "signal" : "message"] = name });
    }

    /// <summary>
    /// The event after an event-based gateway that happened first: the others are withdrawn, and the gateway's token
    /// passes through the event and leaves it by its flows.
    /// </summary>
    public void ChooseEvent(Token owner, Guid waitId, FlowNode happened)
    {
        owner.BoundaryEvents!.Remove(waitId);
        Close(happened is TimerCatchNode ? WaitKind.Timer : WaitKind.Message, waitId);
        Record(HistoryKind.ElementLeft, model.Node(owner.ElementId));
        owner.ElementId = happened.Id;
        owner.ArrivedVia = null;
        Record(HistoryKind.ElementEntered, happened);
        Continue(owner); // withdraws the other events with the token's remaining armed waits
    }
}
