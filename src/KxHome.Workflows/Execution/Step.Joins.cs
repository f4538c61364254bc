using KxHome.Workflows.Execution.Behaviors;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Inclusive joins fire when no token that has not arrived can still reach them.
internal sealed partial class Step
{
    private bool FireReadyInclusiveJoins()
    {
        var fired = false;
        var groups = state.Tokens
            .Where(t => t.Status == TokenStatus.Joining && model.Node(t.ElementId).Kind == FlowNodeKind.InclusiveGateway)
            .GroupBy(t => (t.ScopeId, t.ElementId))
            .ToList();
        foreach (var group in groups)
        {
            var (scopeId, gatewayId) = group.Key;
            if (AnotherTokenCanReach(scopeId, gatewayId)) continue;
            var arrived = group.ToList();
            foreach (var merged in arrived.Skip(1)) state.Tokens.Remove(merged);
            InclusiveGatewayBehavior.Fork(this, arrived[0], model.Node(gatewayId));
            fired = true;
        }
        return fired;
    }

    private bool AnotherTokenCanReach(Guid scopeId, string gatewayId)
    {
        var scope = model.ScopeOf(gatewayId);
        return state.Tokens.Any(t => t.ScopeId == scopeId
            && !(t.Status == TokenStatus.Joining && t.ElementId == gatewayId)
            && Reachability.CanReach(scope, t.ElementId, gatewayId));
    }
}
