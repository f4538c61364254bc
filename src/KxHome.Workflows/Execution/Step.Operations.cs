using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// The things that can happen to an instance; each is one step.
internal sealed partial class Step
{
    public static InstanceState NewInstance(Guid id, string definitionId, string? businessKey) => new()
    {
        Id = id,
        DefinitionId = definitionId,
        BusinessKey = businessKey,
        Status = InstanceStatus.Active,
        Scopes = [new ScopeState { Id = id }],
    };

    /// <summary>Starts at the none start event, or at the given start event (a timer start event that fired).</summary>
    public void Start(IReadOnlyDictionary<string, JsonNode?> variables, string? userId, string? startEventId = null)
    {
        Record(HistoryKind.InstanceStarted, null, userId: userId);
        SetLocalVariables(state.Root, variables, userId);
        if (model.InitiatorVariable is { } initiator && userId is not null)
        {
            SetLocalVariables(state.Root, new Dictionary<string, JsonNode?> { [initiator] = userId }, userId);
        }
        var start = (startEventId is null ? model.Root.NoneStart : model.Root.Node(startEventId))
            ?? throw new WorkflowException("no-start-event", $"流程 “{model.Key}” 没有可直接启动的空开始事件");
        ArmEventSubProcesses(state.Root, model.Root);
        Enqueue(NewToken(start.Id, state.Root.Id));
        Run();
    }

    public void CompleteUserTask(Guid taskId, string? userId, IReadOnlyDictionary<string, JsonNode?> variables, string? comment)
    {
        var token = WaitingToken(taskId, WaitKind.UserTask);
        var node = model.Node(token.ElementId);
        SetVariables(token.ScopeId, variables, userId);
        Record(HistoryKind.TaskCompleted, node, taskId, userId, comment, ToObject(variables));
        if (userId is not null) Close(WaitKind.UserTask, taskId, completedBy: userId);
        Continue(token);
        Run();
    }

    public void CompleteJob(Guid jobId, IReadOnlyDictionary<string, JsonNode?> variables, string? userId = null, string? comment = null)
    {
        var token = WaitingToken(jobId, WaitKind.Job);
        SetVariables(token.ScopeId, variables, userId);
        if (token.IncidentId is { } incidentId)
        {
            ClosedIncidents.Add(incidentId);
            Record(HistoryKind.IncidentResolved, model.Node(token.ElementId), userId: userId, comment: comment);
            token.IncidentId = null;
        }
        Close(WaitKind.Job, jobId);
        Continue(token);
        Run();
    }

    /// <summary>A handler gave up for good: the token stops at the service task with an incident.</summary>
    public void FailJob(Guid jobId, string message)
    {
        var token = WaitingToken(jobId, WaitKind.Job);
        RaiseIncident(token, model.Node(token.ElementId), "handler-failed", message, IncidentPhase.Execute);
    }

    public void RetryIncident(Guid incidentId, string? userId)
    {
        var token = state.Tokens.FirstOrDefault(t => t.IncidentId == incidentId)
            ?? throw new WorkflowException("incident-not-found", "该异常已处理或不存在");
        var node = model.Node(token.ElementId);
        ClosedIncidents.Add(incidentId);
        Record(HistoryKind.IncidentRetried, node, userId: userId);
        token.IncidentId = null;
        if (token.IncidentPhase == IncidentPhase.Leave)
        {
            token.Status = TokenStatus.Waiting;
            Continue(token);
        }
        else
        {
            CloseWait(token);
            Enqueue(token);
        }
        Run();
    }

    /// <summary>Ends the instance by a person's decision: cancelled by an administrator, or withdrawn (撤回) by its applicant.</summary>
    public void Cancel(string? userId, string? reason, HistoryKind kind = HistoryKind.InstanceCancelled)
    {
        foreach (var token in state.Tokens.Where(t => state.Scope(t.ScopeId).ParentId is null).ToList())
        {
            CancelToken(token, userId);
        }
        DisarmEventSubProcesses(state.Root);
        state.Status = InstanceStatus.Cancelled;
        Record(kind, null, userId: userId, comment: reason);
    }

    /// <summary>
    /// 退回 / 补正: the task's token leaves it undone and starts again at an earlier user task of the same scope.
    /// What lies between is not undone: variables keep their values, as the approver saw them.
    /// </summary>
    public void ReturnTo(Guid taskId, string targetElementId, string? userId, string? comment, HistoryKind kind)
    {
        var token = WaitingToken(taskId, WaitKind.UserTask);
        if (!model.Contains(targetElementId) || model.Node(targetElementId) is not UserTaskNode target
            || model.ScopeOf(targetElementId) != model.ScopeOf(token.ElementId) || state.Scope(token.ScopeId).ElementId != ScopeElementOf(token))
        {
            throw new WorkflowException("return-target-invalid", $"不能退回到 “{targetElementId}”：只能退回到同一层级中已经办理过的人工任务");
        }
        var scopeId = token.ScopeId;
        Record(kind, model.Node(token.ElementId), taskId, userId, comment,
            new JsonObject { ["to"] = target.Id, ["toName"] = target.DisplayName });
        CancelToken(token, userId);
        Enqueue(NewToken(target.Id, scopeId));
        Run();
    }

    // The element id of the sub-process holding the token, or null on the process level; a multi-instance body has its own scope.
    private string? ScopeElementOf(Token token) => model.ScopeOf(token.ElementId) is var scope && scope == model.Root ? null : scope.Id;

    /// <summary>Removes a token and everything it waits on, recording it in history.</summary>
    public void CancelToken(Token token, string? userId)
    {
        var node = model.Node(token.ElementId);
        CloseWait(token);
        if (token.IncidentId is { } incidentId) ClosedIncidents.Add(incidentId);
        Record(HistoryKind.ElementCancelled, node, userId: userId);
        state.Tokens.Remove(token);
    }

    private void CloseWait(Token token)
    {
        DisarmBoundaries(token);
        switch (token.WaitKind)
        {
            case WaitKind.UserTask or WaitKind.Job or WaitKind.Timer or WaitKind.Message:
                Close(token.WaitKind, token.WaitId!.Value);
                if (token.WaitKind == WaitKind.UserTask) Record(HistoryKind.TaskCancelled, model.Node(token.ElementId), token.WaitId);
                break;
            case WaitKind.CallActivity:
                CancelledChildren.Add(token.WaitId!.Value);
                break;
            case WaitKind.MultiInstance:
                CancelMultiInstance(token.WaitId!.Value);
                break;
            case WaitKind.SubProcess:
                var childScope = token.WaitId!.Value;
                foreach (var child in state.Tokens.Where(t => t.ScopeId == childScope).ToList()) CancelToken(child, null);
                if (state.Scopes.FirstOrDefault(s => s.Id == childScope) is { } removed) DisarmEventSubProcesses(removed);
                state.Scopes.RemoveAll(s => s.Id == childScope);
                break;
        }
        token.WaitKind = WaitKind.None;
        token.WaitId = null;
    }

    private Token WaitingToken(Guid waitId, WaitKind kind)
    {
        var token = state.TokenWaitingOn(waitId);
        return token is not null && token.WaitKind == kind
            ? token
            : throw new WorkflowException("not-waiting", "流程已不在等待这一步");
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in variables) obj[name] = value?.DeepClone();
        return obj;
    }
}
