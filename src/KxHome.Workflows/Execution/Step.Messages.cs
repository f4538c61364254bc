using System.Text.Json.Nodes;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Execution;

// Messages: a token waits on a subscription at a message catch event or receive task, or one is armed for a
// message boundary event; a correlated message delivers its variables and moves the token on.
internal sealed partial class Step
{
    public void Subscribe(Token token, NewSubscription subscription)
    {
        NewSubscriptions.Add(subscription);
        if (token.WaitId != subscription.Id) (token.BoundaryEvents ??= [])[subscription.Id] = subscription.ElementId;
    }

    /// <summary>Delivers a message to the subscription; false when it no longer waits for anything.</summary>
    public bool DeliverMessage(Guid subscriptionId, IReadOnlyDictionary<string, JsonNode?> variables, string? userId)
    {
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.Message && t.WaitId == subscriptionId) is { } waiting)
        {
            var node = model.Node(waiting.ElementId);
            ClosedWaits.Add(new ClosedWait(WaitKind.Message, subscriptionId));
            SetVariables(waiting.ScopeId, variables, userId);
            Record(HistoryKind.MessageReceived, node, userId: userId, data: new JsonObject { ["message"] = ((MessageCatchNode)node).MessageName });
            Continue(waiting);
            Run();
            return true;
        }
        if (BoundaryOwner(subscriptionId) is not { } owner) return false;
        var boundary = (BoundaryMessageNode)model.Node(owner.BoundaryEvents![subscriptionId]);
        SetVariables(owner.ScopeId, variables, userId);
        Record(HistoryKind.MessageReceived, boundary, userId: userId, data: new JsonObject { ["message"] = boundary.MessageName });
        TriggerBoundary(owner, subscriptionId, boundary, () =>
            Subscribe(owner, new NewSubscription(Guid.CreateVersion7(), owner.Id, boundary.Id, boundary.MessageName)));
        Run();
        return true;
    }
}
