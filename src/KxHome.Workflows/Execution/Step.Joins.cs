using KxHome.Workflows.Execution.Behaviors;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// An inclusive join fires when every incoming flow holds a token (merging one per flow), or when no token that has not
// arrived can still reach it (merging all that have). The first rule is what lets two joins in a loop, each reachable
// from the other, go on (BPMN 2.0 13.3.2; Camunda's testLoopingInclusiveGateways).
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
            var gateway = model.Node(gatewayId);
            var merged = JoinTokens.OnePerIncomingFlow(gateway, group)
                ?? (AnotherTokenCanReach(scopeId, gatewayId) ? null : group.ToList());
            if (merged is null) continue;
            foreach (var token in merged.Skip(1)) state.Tokens.Remove(token);
            InclusiveGatewayBehavior.Fork(this, merged[0], gateway);
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
