using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Boundary events: armed (a timer or a message subscription) while a token waits at their activity.
internal sealed partial class Step
{
    /// <summary>
    /// What the activity's boundary events need, evaluated before the activity runs, so a bad timer value becomes an
    /// incident before anything was created. Applied by <see cref="ArmBoundaries"/> once the token waits.
    /// </summary>
    private IReadOnlyList<object> BoundariesFor(Token token, FlowNode node) =>
        model.BoundaryEventsOf(node.Id).Where(b => b is not BoundaryCodeNode).Select(boundary => boundary switch // errors and escalations are caught, not armed
        {
            BoundaryTimerNode timer => (object)Arm(timer.Timer, token, timer),
            BoundaryMessageNode or BoundarySignalNode => NewSubscription.For(boundary, token.Id, Now),
            BoundaryConditionalNode condition => condition,
            _ => throw new InvalidOperationException($"unknown boundary event {boundary.Id}"),
        }).ToList();

    private void ArmBoundaries(Token token, IReadOnlyList<object> boundaries)
    {
        foreach (var boundary in boundaries)
        {
            switch (boundary)
            {
                case NewTimer timer: ArmTimer(token, timer); break;
                case NewSubscription subscription: Subscribe(token, subscription); break;
                case BoundaryConditionalNode condition: ArmCondition(token, condition); break;
            }
        }
    }

    private Token? BoundaryOwner(Guid waitId) => state.Tokens.FirstOrDefault(t => t.BoundaryEvents?.ContainsKey(waitId) == true);

    /// <summary>
    /// The boundary event triggered: an interrupting one cancels its activity; a non-interrupting one lets it run on
    /// (<paramref name="whileRunning"/> re-arms what it needs). Either way a new token leaves by the event's flows.
    /// </summary>
    private void TriggerBoundary(Token owner, Guid waitId, BoundaryNode boundary, Action whileRunning)
    {
        if (boundary.Interrupting)
        {
            CancelToken(owner, userId: null);
        }
        else
        {
            owner.BoundaryEvents!.Remove(waitId);
            if (boundary is not BoundaryConditionalNode) Close(boundary is BoundaryTimerNode ? WaitKind.Timer : WaitKind.Message, waitId);
            whileRunning();
        }
        Continue(NewToken(boundary.Id, owner.ScopeId));
    }

    /// <summary>The token's activity is done or cancelled: its boundary events (or its gateway's other events) will not trigger.</summary>
    private void DisarmBoundaries(Token token)
    {
        if (token.BoundaryEvents is not { Count: > 0 } armed) return;
        foreach (var (waitId, elementId) in armed.Where(a => model.Node(a.Value) is not BoundaryConditionalNode)) // a condition stores nothing
        {
            Close(model.Node(elementId) is BoundaryTimerNode or TimerCatchNode ? WaitKind.Timer : WaitKind.Message, waitId);
        }
        token.BoundaryEvents = null;
    }
}
