using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>Starts an instance of the latest (or a fixed) version and runs it until every token waits or ends.</summary>
    public async Task<InstanceView> StartAsync(StartRequest request, CancellationToken ct = default)
    {
        var variables = VariableValues.FromMap(request.Variables);
        return await TransactAsync(async session =>
        {
            var definition = await StepReader.DefinitionAsync(session, request.DefinitionKey, request.Version, ct)
                ?? throw new WorkflowNotFoundException("definition-not-found", $"流程 “{request.DefinitionKey}” 未部署");
            var model = await _definitions.GetAsync(session, definition.Id, ct);
            return await CreateInstanceAsync(session, definition, model, variables, request.BusinessKey, request.StartedBy, null, ct,
                owner: request.Owner);
        }, ct);
    }

    /// <summary>
    /// Starts many instances, e.g. a rectification case for every home that failed its assessment: a few hundred per
    /// transaction, each batch all or nothing; an undeployed process refuses the whole request before anything
    /// starts. Returns the new instances' ids in request order.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> StartManyAsync(IReadOnlyList<StartRequest> requests, CancellationToken ct = default)
    {
        const int batchSize = 500;
        var missing = await TransactAsync(async session =>
        {
            foreach (var key in requests.Select(r => (r.DefinitionKey, r.Version)).Distinct())
            {
                if (await StepReader.DefinitionAsync(session, key.DefinitionKey, key.Version, ct) is null) return key.DefinitionKey;
            }
            return null;
        }, ct);
        if (missing is not null) throw new WorkflowNotFoundException("definition-not-found", $"流程 “{missing}” 未部署，一个也没有启动");
        var ids = new List<Guid>(requests.Count);
        foreach (var batch in requests.Chunk(batchSize))
        {
            ids.AddRange(await TransactAsync(async session =>
            {
                var started = new List<Guid>(batch.Length);
                foreach (var request in batch)
                {
                    var definition = await StepReader.DefinitionAsync(session, request.DefinitionKey, request.Version, ct)
                        ?? throw new WorkflowNotFoundException("definition-not-found", $"流程 “{request.DefinitionKey}” 未部署");
                    var model = await _definitions.GetAsync(session, definition.Id, ct);
                    var view = await CreateInstanceAsync(session, definition, model, VariableValues.FromMap(request.Variables),
                        request.BusinessKey, request.StartedBy, null, ct, owner: request.Owner);
                    started.Add(view.Id);
                }
                return started;
            }, ct));
        }
        return ids;
    }

    /// <summary>The longest business key accepted (the programmes' keys are a prefix and an id).</summary>
    public const int MaxBusinessKeyLength = 200;

    /// <summary>
    /// Creates and runs a new instance, at the none start event or at the given start event; a call activity gives
    /// the new instance's id and where it waits for it.
    /// </summary>
    private async Task<InstanceView> CreateInstanceAsync(StepSession session, DefinitionRow definition,
        ProcessModel model, IReadOnlyDictionary<string, JsonNode?> variables, string? businessKey, string? startedBy,
        string? startEventId, CancellationToken ct, (Guid InstanceId, Guid ParentId, Guid ParentTokenId)? calledBy = null,
        string? owner = null)
    {
        if (businessKey?.Length > MaxBusinessKeyLength)
        {
            throw new WorkflowException("business-key-too-long", $"业务编号不能超过 {MaxBusinessKeyLength} 个字符");
        }
        var instanceId = calledBy?.InstanceId ?? Ids.TimeOrdered(Now);
        var state = Step.NewInstance(instanceId, definition.Id, businessKey);
        state.ParentInstanceId = calledBy?.ParentId;
        state.ParentTokenId = calledBy?.ParentTokenId;
        var step = new Step(model, state, _services);
        step.Start(variables, startedBy, startEventId);
        var row = new InstanceRow
        {
            Id = instanceId, DefinitionId = definition.Id, DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version, BusinessKey = businessKey, Owner = owner,
            StartedAt = step.Now, StartedBy = startedBy, Number = await NextCaseNumberAsync(session, model.CaseNumberPrefix, step.Now, ct),
        };
        var history = await SaveAsync(session, row, step, startedBy, isNew: true, ct);
        var incidents = step.NewIncidents
            .Select(i => new IncidentView(i.Id, instanceId, i.ElementId, i.Kind, i.Message, step.Now, null, null)).ToList();
        return WorkflowQueries.ToView(row, step.State, model, incidents, history);
    }

    /// <summary>
    /// Sets variables on the process, or locally on the running sub-process with that element id; conditional events
    /// whose condition now holds trigger in the same step.
    /// </summary>
    public Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, object?> variables, string? userId,
        string? subProcessId = null, CancellationToken ct = default) =>
        RunStepAsync(instanceId, userId, step =>
        {
            var scope = subProcessId is null
                ? step.State.Root
                : step.State.Scopes.FirstOrDefault(s => s.ElementId == subProcessId)
                    ?? throw new WorkflowNotFoundException("scope-not-found", $"子流程 “{subProcessId}” 当前没有运行");
            step.SetLocalVariables(scope, VariableValues.FromMap(variables), userId);
            step.Run(); // a conditional event whose condition now holds moves on
        }, ct);

    /// <summary>Ends the instance: open tasks are cancelled, pending jobs dropped, the reason kept in history.</summary>
    public Task CancelAsync(Guid instanceId, string? userId, string? reason, CancellationToken ct = default) =>
        RunStepAsync(instanceId, userId, step => step.Cancel(userId, reason), ct);

    private Task RunStepAsync(Guid instanceId, string? userId, Action<Step> act, CancellationToken ct) =>
        TransactAsync(session => RunAsync(session, instanceId, userId, act, ct), ct);

    private async Task<Step> RunAsync(StepSession session, Guid instanceId, string? userId, Action<Step> act, CancellationToken ct)
    {
        var (row, step) = await LoadStepAsync(session, instanceId, ct);
        act(step);
        await SaveAsync(session, row, step, userId, isNew: false, ct);
        return step;
    }

    /// <summary>The next number of the prefix in the year the case starts (business time zone), in the step's transaction.</summary>
    private async Task<string> NextCaseNumberAsync(StepSession session, string prefix, DateTime now, CancellationToken ct)
    {
        var year = TimeZoneInfo.ConvertTimeFromUtc(now, _services.BusinessTimeZone).Year;
        var last = await StepWriter.NextCaseNumberAsync(session, prefix, year, ct);
        return $"{prefix}-{year}-{last:0000}";
    }
}
