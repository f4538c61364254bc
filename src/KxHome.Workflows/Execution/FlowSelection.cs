using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>Which outgoing flows a token takes, per BPMN: activities and inclusive gateways take every true flow, exclusive gateways the first.</summary>
internal static class FlowSelection
{
    /// <summary>Every unconditional or true flow; the default only when none is taken; an incident when nothing can be taken.</summary>
    public static IReadOnlyList<string> ForActivity(Step step, Token token, FlowNode node)
    {
        if (node.Outgoing.Count == 0) return [];
        var scope = step.Model.ScopeOf(node.Id);
        var taken = node.Outgoing
            .Where(id => id != node.DefaultFlowId)
            .Where(id => scope.Flow(id).Condition is not { } condition || step.IsTrue(condition, token))
            .ToList();
        if (taken.Count == 0 && node.DefaultFlowId is not null) taken.Add(node.DefaultFlowId);
        return taken.Count > 0 ? taken : throw NoFlow(node);
    }

    /// <summary>The first flow in document order whose condition holds (no condition counts as true), else the default.</summary>
    public static IReadOnlyList<string> FirstTrue(Step step, Token token, FlowNode node)
    {
        var scope = step.Model.ScopeOf(node.Id);
        foreach (var id in node.Outgoing.Where(id => id != node.DefaultFlowId))
        {
            if (scope.Flow(id).Condition is not { } condition || step.IsTrue(condition, token)) return [id];
        }
        return node.DefaultFlowId is { } fallback ? [fallback] : throw NoFlow(node);
    }

    private static IncidentException NoFlow(FlowNode node) =>
        new("no-outgoing-flow", $"“{node.DisplayName}” 没有条件成立的出口连线，也没有默认连线");
}
