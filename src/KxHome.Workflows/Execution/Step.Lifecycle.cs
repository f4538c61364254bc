using KxHome.Workflows.Core;
using KxHome.Workflows.Execution.Behaviors;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// The element lifecycle, written once: enter → execute → (wait | park | end | leave along flows).
internal sealed partial class Step
{
    private int _transitions;

    public void Enqueue(Token token)
    {
        token.Status = TokenStatus.Active;
        _agenda.Enqueue(token);
    }

    /// <summary>Runs every active token until each waits, parks or ends; then fires inclusive joins that became ready.</summary>
    public void Run()
    {
        do
        {
            while (_agenda.TryDequeue(out var token))
            {
                if (state.Tokens.Contains(token)) Execute(token);
            }
        }
        while (FireReadyInclusiveJoins() || FireConditions());
    }

    private void Execute(Token token)
    {
        var node = model.Node(token.ElementId);
        if (++_transitions > services.MaxTransitionsPerStep)
        {
            RaiseIncident(token, node, "endless-loop",
                $"一次推进经过了超过 {services.MaxTransitionsPerStep} 个元素，流程中可能有不经过任何等待的循环；已在 “{node.DisplayName}” 停下", IncidentPhase.Execute);
            return;
        }
        Record(HistoryKind.ElementEntered, node);
        Outcome outcome;
        IReadOnlyList<object> boundaries;
        try
        {
            if (node.MultiInstance is { } multiInstance && !token.MultiInstanceInner)
            {
                boundaries = BoundariesFor(token, node);
                outcome = StartMultiInstance(token, node, multiInstance);
            }
            else
            {
                boundaries = token.MultiInstanceInner ? [] : BoundariesFor(token, node); // boundaries belong to the body
                outcome = BehaviorFor.Node(node).Execute(this, token, node);
            }
        }
        catch (Exception ex) when (IncidentException.StopsTheToken(ex))
        {
            RaiseIncident(token, node, ex, IncidentPhase.Execute);
            return;
        }
        switch (outcome)
        {
            case LeaveOutcome leave: Leave(token, node, leave.Flows); break;
            case WaitOutcome wait:
                if (wait.On is { } bookmark) Open(bookmark, waiting: token);
                token.Status = TokenStatus.Waiting;
                ArmBoundaries(token, boundaries);
                break;
            case ParkOutcome: token.Status = TokenStatus.Joining; break;
            case GoneOutcome: break;
            case EndOutcome:
                Record(HistoryKind.ElementLeft, node);
                EndToken(token);
                break;
        }
    }

    /// <summary>The element the token waits at is done: choose outgoing flows as an activity does and leave.</summary>
    public void Continue(Token token)
    {
        var node = model.Node(token.ElementId);
        token.WaitKind = WaitKind.None;
        token.WaitId = null;
        DisarmBoundaries(token);
        if (token.MultiInstanceInner)
        {
            Leave(token, node, []);
            return;
        }
        IReadOnlyList<string> flows;
        try
        {
            flows = FlowSelection.ForActivity(this, token, node);
        }
        catch (Exception ex) when (IncidentException.StopsTheToken(ex))
        {
            RaiseIncident(token, node, ex, IncidentPhase.Leave);
            return;
        }
        Leave(token, node, flows);
    }

    public void Leave(Token token, FlowNode node, IReadOnlyList<string> flows)
    {
        Record(HistoryKind.ElementLeft, node);
        if (token.MultiInstanceInner)
        {
            EndInstance(token, node);
            return;
        }
        if (flows.Count == 0)
        {
            EndToken(token);
            return;
        }
        var scope = model.ScopeOf(node.Id);
        for (var i = 0; i < flows.Count; i++)
        {
            var flow = scope.Flow(flows[i]);
            var next = i == 0 ? token : NewToken(flow.TargetId, token.ScopeId);
            next.ElementId = flow.TargetId;
            next.ArrivedVia = flow.Id;
            Enqueue(next);
        }
    }

    private void EndToken(Token token)
    {
        state.Tokens.Remove(token);
        CompleteScopeIfEmpty(token.ScopeId);
    }

    private void CompleteScopeIfEmpty(Guid scopeId)
    {
        if (state.Tokens.Any(t => t.ScopeId == scopeId)) return;
        var scope = state.Scope(scopeId);
        DisarmEventSubProcesses(scope);
        if (scope.ParentId is null)
        {
            state.Status = InstanceStatus.Completed;
            Record(HistoryKind.InstanceCompleted, null);
            return;
        }
        if (scope.ParentTokenId is not { } parentTokenId) return; // a multi-instance scope ends with its instance
        state.Scopes.Remove(scope);
        Continue(state.Tokens.First(t => t.Id == parentTokenId));
    }

    public void RaiseIncident(Token token, FlowNode node, Exception ex, IncidentPhase phase)
    {
        var kind = ex is IncidentException incident ? incident.Kind : "expression";
        RaiseIncident(token, node, kind, ex.Message, phase);
    }

    public void RaiseIncident(Token token, FlowNode node, string kind, string message, IncidentPhase phase)
    {
        var id = Ids.TimeOrdered(Now);
        token.Status = TokenStatus.Incident;
        token.IncidentId = id;
        token.IncidentPhase = phase;
        NewIncidents.Add(new NewIncident(id, token.Id, node.Id, kind, message));
        Record(HistoryKind.IncidentRaised, node, comment: message,
            data: new System.Text.Json.Nodes.JsonObject { ["incidentId"] = id.ToString(), ["kind"] = kind });
    }
}
