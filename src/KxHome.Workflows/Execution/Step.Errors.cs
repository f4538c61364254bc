using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Errors and escalations: a code thrown inside an activity travels outwards to the first boundary event that catches
// it; an error not caught in a called process goes on to its call activity.
internal sealed partial class Step
{
    /// <summary>An error this instance (a called process) threw and did not catch: its call activity gets it next.</summary>
    public (string? Code, string? Message)? UncaughtError { get; private set; }

    /// <summary>An error end, escalation end or escalation throw event.</summary>
    public Outcome Throw(Token token, ThrowCodeNode node)
    {
        if (node.Kind == FlowNodeKind.EscalationThrowEvent)
        {
            Catch(token, error: false, node.Code, message: null, atActivity: false);
            // An interrupting catch cancelled the activity around the thrower, and the thrower with it.
            return state.Tokens.Contains(token) ? Outcome.Leave(FlowSelection.ForActivity(this, token, node)) : Outcome.Gone;
        }
        // The thrower's path ends first, so that ending it cannot complete the scope the catching event leaves.
        Record(HistoryKind.ElementLeft, node);
        state.Tokens.Remove(token);
        var caught = Catch(token, node.IsError, node.Code, message: null, atActivity: false);
        if (!caught && node.IsError && state.ParentInstanceId is not null)
        {
            EndForCaller(node.Code, message: null);
            return Outcome.Gone;
        }
        // Not caught: as a none end event (Camunda's semantics).
        if (state.Scopes.Any(s => s.Id == token.ScopeId)) CompleteScopeIfEmpty(token.ScopeId);
        return Outcome.Gone;
    }

    /// <summary>
    /// A service task's handler threw a BPMN error (<see cref="BpmnError"/>): the task's own boundary events, then the
    /// enclosing activities', may catch it. Uncaught, the token stops with an incident: a path of a case never ends unseen.
    /// </summary>
    public void ThrowJobError(Guid jobId, string code, string? message)
    {
        var token = WaitingToken(jobId, WaitKind.Job);
        Propagate(token, code, message);
        Run();
    }

    /// <summary>The called instance ended by an error it did not catch: the call activity throws it on.</summary>
    public bool ThrowCallActivityError(Guid childId, string? code, string? message)
    {
        if (state.Tokens.FirstOrDefault(t => t.WaitKind == WaitKind.CallActivity && t.WaitId == childId) is not { } token) return false;
        token.WaitKind = WaitKind.None; // the called instance has ended already
        token.WaitId = null;
        Propagate(token, code, message);
        Run();
        return true;
    }

    private void Propagate(Token token, string? code, string? message)
    {
        if (Catch(token, error: true, code, message, atActivity: true)) return;
        if (state.ParentInstanceId is not null)
        {
            EndForCaller(code, message);
            return;
        }
        RaiseIncident(token, model.Node(token.ElementId), "uncaught-error",
            $"抛出了错误 “{code}”{(message is null ? "" : $"（{message}）")}，但没有边界事件捕获它", IncidentPhase.Execute);
    }

    /// <summary>
    /// Finds, from the token outwards, the first boundary event that catches the code, and triggers it. With
    /// <paramref name="atActivity"/> the token waits at the activity that threw (a job, a call activity), whose own
    /// boundary events come first.
    /// </summary>
    private bool Catch(Token token, bool error, string? code, string? message, bool atActivity)
    {
        if (atActivity && !token.MultiInstanceInner && CatchingBoundary(token, error, code) is { } own) // an instance's boundary events belong to its body
        {
            TriggerCatch(token, own, code, message);
            return true;
        }
        var scope = state.Scope(token.ScopeId);
        while (true)
        {
            while (scope.ParentTokenId is null && scope.ParentId is { } parentId) scope = state.Scope(parentId); // an instance → its body
            if (CatchingEventSubProcess(scope, error, code) is { } triggered)
            {
                StartByCode(scope, triggered, code, message);
                return true;
            }
            if (scope.ParentTokenId is not { } ownerId) return false; // reached the process
            var owner = state.Tokens.First(t => t.Id == ownerId);
            if (!owner.MultiInstanceInner && CatchingBoundary(owner, error, code) is { } boundary)
            {
                TriggerCatch(owner, boundary, code, message);
                return true;
            }
            scope = state.Scope(owner.ScopeId);
        }
    }

    private BoundaryCodeNode? CatchingBoundary(Token owner, bool error, string? code) =>
        model.BoundaryEventsOf(owner.ElementId).OfType<BoundaryCodeNode>().FirstOrDefault(b => b.Catches(error, code));

    private void TriggerCatch(Token owner, BoundaryCodeNode boundary, string? code, string? message)
    {
        RecordCaught(boundary, boundary.IsError, code, message);
        var caught = new Dictionary<string, JsonNode?>();
        if (boundary.CodeVariable is { } codeVariable) caught[codeVariable] = code;
        if (boundary.MessageVariable is { } messageVariable) caught[messageVariable] = message;
        SetVariables(owner.ScopeId, caught, userId: null);
        if (boundary.Interrupting) CancelToken(owner, userId: null);
        Continue(NewToken(boundary.Id, owner.ScopeId));
    }

    /// <summary>The history line of a caught error or escalation, on the event that caught it.</summary>
    private void RecordCaught(FlowNode catcher, bool error, string? code, string? message) =>
        Record(error ? HistoryKind.ErrorThrown : HistoryKind.EscalationThrown, catcher,
            data: new JsonObject { ["code"] = code, ["message"] = message, ["caughtBy"] = catcher.Id });

    /// <summary>The called instance ends at once; the engine hands the error to the calling instance.</summary>
    private void EndForCaller(string? code, string? message)
    {
        Record(HistoryKind.ErrorThrown, null, data: new JsonObject { ["code"] = code, ["message"] = message });
        foreach (var scope in state.Scopes) DisarmEventSubProcesses(scope);
        foreach (var other in state.Tokens.Where(t => state.Scope(t.ScopeId).ParentId is null).ToList()) CancelToken(other, userId: null);
        state.Tokens.Clear();
        state.Scopes.RemoveRange(1, state.Scopes.Count - 1);
        state.Status = InstanceStatus.Completed;
        Record(HistoryKind.InstanceCompleted, null);
        UncaughtError = (code, message);
    }
}
