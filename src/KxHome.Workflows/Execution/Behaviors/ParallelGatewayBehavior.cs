using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>Joins one token from every incoming flow, then forks along every outgoing flow (conditions are ignored).</summary>
internal sealed class ParallelGatewayBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            var waiting = step.State.Tokens
                .Where(t => t.ScopeId == token.ScopeId && t.ElementId == node.Id && t.Status == TokenStatus.Joining)
                .ToList();
            var partners = new List<Token>();
            foreach (var flow in node.Incoming.Where(f => f != token.ArrivedVia))
            {
                var partner = waiting.FirstOrDefault(t => t.ArrivedVia == flow && !partners.Contains(t));
                if (partner is null) return Outcome.Park;
                partners.Add(partner);
            }
            foreach (var partner in partners) step.State.Tokens.Remove(partner);
        }
        return Outcome.Leave(node.Outgoing);
    }
}
