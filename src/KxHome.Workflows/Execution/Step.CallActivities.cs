using System.Text.Json.Nodes;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Call activities: the token waits on a called instance, which the engine starts once this step is written.
internal sealed partial class Step
{
    /// <summary>The called instance ended: its <c>camunda:out</c> variables come back and the call activity is left.</summary>
    public bool CompleteCallActivity(Guid childId, IReadOnlyDictionary<string, JsonNode?> childVariables)
    {
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.CallActivity && t.WaitId == childId) is not { } token) return false;
        var node = (CallActivityNode)model.Node(token.ElementId);
        try
        {
            SetVariables(token.ScopeId, Map(node.Out, childVariables), userId: null);
        }
        catch (Exception ex) when (IncidentException.StopsTheToken(ex))
        {
            RaiseIncident(token, node, ex, IncidentPhase.Leave); // fix the data, then retry: the call activity is left
            return true;
        }
        Continue(token);
        Run();
        return true;
    }

    /// <summary>The called instance was cancelled by itself: the call activity stops with an incident to retry.</summary>
    public bool FailCallActivity(Guid childId, string kind, string message)
    {
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.CallActivity && t.WaitId == childId) is not { } token) return false;
        RaiseIncident(token, model.Node(token.ElementId), kind, message, IncidentPhase.Execute);
        return true;
    }

    /// <summary>The variables a mapping list copies from <paramref name="source"/>.</summary>
    public Dictionary<string, JsonNode?> Map(IReadOnlyList<VariableMapping> mappings, IReadOnlyDictionary<string, JsonNode?> source)
    {
        var result = new Dictionary<string, JsonNode?>();
        foreach (var mapping in mappings)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in source) result[name] = value?.DeepClone();
            }
            else if (mapping.Target is { } target)
            {
                result[target] = mapping.SourceExpression is { } expression
                    ? services.Expressions.Evaluate(expression, source)
                    : source.GetValueOrDefault(mapping.Source ?? target)?.DeepClone();
            }
        }
        return result;
    }
}
