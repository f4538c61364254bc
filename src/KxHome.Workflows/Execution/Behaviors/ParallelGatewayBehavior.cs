using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>Joins one token from every incoming flow, then forks along every outgoing flow (conditions are ignored).</summary>
internal sealed class ParallelGatewayBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            var arrived = JoinTokens.ParkedAt(step.State, token.ScopeId, node.Id).Where(t => t != token).Prepend(token);
            if (JoinTokens.OnePerIncomingFlow(node, arrived) is not { } merged) return Outcome.Park;
            foreach (var partner in merged.Where(t => t != token)) step.State.Tokens.Remove(partner);
        }
        return Outcome.Leave(node.Outgoing);
    }
}
