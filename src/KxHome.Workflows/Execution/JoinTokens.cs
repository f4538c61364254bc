using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>What the parallel and the inclusive join share: which parked tokens a join merges when it fires.</summary>
internal static class JoinTokens
{
    /// <summary>
    /// One token per incoming flow of <paramref name="join"/>, taken in the order given (so a token that has just arrived
    /// and comes first is counted for its own flow), or null while some incoming flow has none.
    /// </summary>
    public static List<Token>? OnePerIncomingFlow(FlowNode join, IEnumerable<Token> arrived)
    {
        var tokens = arrived.ToList();
        var chosen = new List<Token>(join.Incoming.Count);
        foreach (var flow in join.Incoming)
        {
            var token = tokens.FirstOrDefault(t => t.ArrivedVia == flow && !chosen.Contains(t));
            if (token is null) return null;
            chosen.Add(token);
        }
        return chosen;
    }

    /// <summary>The tokens parked at <paramref name="join"/> in <paramref name="scopeId"/>, oldest first.</summary>
    public static IEnumerable<Token> ParkedAt(InstanceState state, Guid scopeId, string join) =>
        state.Tokens.Where(t => t.ScopeId == scopeId && t.ElementId == join && t.Status == TokenStatus.Joining);
}
