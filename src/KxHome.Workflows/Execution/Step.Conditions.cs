using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Conditional events: after the variables changed (or a conditional boundary event was armed), every waiting
// condition is evaluated again; those that hold trigger.
internal sealed partial class Step
{
    private bool _conditionsToCheck;

    /// <summary>Triggers the conditional events whose condition now holds; true when any did.</summary>
    private bool FireConditions()
    {
        if (!_conditionsToCheck) return false;
        _conditionsToCheck = false;
        var fired = false;
        foreach (var token in state.Tokens.ToList())
        {
            if (!state.Tokens.Contains(token)) continue; // an interrupting event before it cancelled it
            if (token.WaitKind == WaitKind.Condition && model.Node(token.ElementId) is ConditionalCatchNode catchNode && Holds(catchNode.Condition, token))
            {
                Continue(token);
                fired = true;
                continue;
            }
            foreach (var (waitId, boundaryId) in token.BoundaryEvents?.ToList() ?? [])
            {
                if (model.Node(boundaryId) is not BoundaryConditionalNode boundary || !Holds(boundary.Condition, token)) continue;
                TriggerBoundary(token, waitId, boundary, () => (token.BoundaryEvents ??= [])[Ids.Random()] = boundary.Id);
                fired = true;
                if (boundary.Interrupting) break;
            }
        }
        return fired;
    }

    /// <summary>A condition that cannot be evaluated yet (a variable not set) does not hold.</summary>
    public bool Holds(Expression condition, Token token)
    {
        try
        {
            return IsTrue(condition, token);
        }
        catch (Exception ex) when (IncidentException.StopsTheToken(ex))
        {
            return false;
        }
    }

    /// <summary>The conditional boundary event waits on its activity's token; it is checked when this step's run ends.</summary>
    private void ArmCondition(Token token, BoundaryConditionalNode boundary)
    {
        (token.BoundaryEvents ??= [])[Ids.Random()] = boundary.Id;
        _conditionsToCheck = true;
    }
}
