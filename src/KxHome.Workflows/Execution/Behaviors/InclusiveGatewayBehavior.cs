using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>
/// Forks along every true flow (the default when none is true). As a join it parks arriving tokens; the step
/// fires it once no other token can still reach it.
/// </summary>
internal sealed class InclusiveGatewayBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) =>
        node.Incoming.Count > 1 ? Outcome.Park : Outcome.Leave(FlowSelection.ForActivity(step, token, node));

    /// <summary>The join fired: leave along the chosen flows, or raise an incident if none can be chosen.</summary>
    public static void Fork(Step step, Token token, FlowNode node)
    {
        IReadOnlyList<string> flows;
        try
        {
            flows = FlowSelection.ForActivity(step, token, node);
        }
        catch (Exception ex) when (IncidentException.StopsTheToken(ex))
        {
            step.RaiseIncident(token, node, ex, IncidentPhase.Execute);
            return;
        }
        step.Leave(token, node, flows);
    }
}
