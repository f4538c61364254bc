using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Creates and runs a new instance, at the none start event or at the given start event; a call activity gives
    /// the new instance's id and where it waits for it.
    /// </summary>
    private async Task<InstanceView> CreateInstanceAsync(StepSession session, DefinitionRow definition,
        ProcessModel model, IReadOnlyDictionary<string, JsonNode?> variables, string? businessKey, string? startedBy,
        string? startEventId, CancellationToken ct, (Guid InstanceId, Guid ParentId, Guid ParentTokenId)? calledBy = null,
        string? owner = null)
    {
        var instanceId = calledBy?.InstanceId ?? Guid.CreateVersion7();
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
        return ToView(row, step.State, model, incidents, history);
    }

    /// <summary>Cases matching the query, newest first, with their process names.</summary>
    public async Task<IReadOnlyList<InstanceSummary>> QueryInstancesAsync(InstanceQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var instances = db.Instances.AsNoTracking();
        if (query.Owners is { } owners) instances = instances.Where(i => i.Owner != null && owners.Contains(i.Owner));
        if (query.Ids is { } ids) instances = instances.Where(i => ids.Contains(i.Id));
        if (query.Status is { } status) instances = instances.Where(i => i.Status == status);
        if (query.Number is { } number) instances = instances.Where(i => i.Number == number);
        if (query.BusinessKey is { } businessKey) instances = instances.Where(i => i.BusinessKey == businessKey);
        if (!query.IncludeCalled) instances = instances.Where(i => i.ParentInstanceId == null);
        var rows = await instances.OrderByDescending(i => i.StartedAt).Skip(query.Skip).Take(query.Take)
            .Join(db.Definitions, i => i.DefinitionId, d => d.Id, (i, d) => new InstanceSummary(
                i.Id, i.DefinitionKey, d.Name, i.DefinitionVersion, i.BusinessKey, i.Status, i.StartedAt, i.EndedAt, i.StartedBy, i.Owner, i.Number))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>The instance with its active elements, variables, incidents and history.</summary>
    public async Task<InstanceView> GetInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw new WorkflowNotFoundException("instance-not-found", "流程实例不存在");
        var model = await _definitions.GetAsync(db, row.DefinitionId, ct);
        var family = new List<Guid> { instanceId };
        for (var level = family; level.Count > 0 && family.Count < 1_000;)
        {
            var parents = level;
            level = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId != null && parents.Contains(i.ParentInstanceId.Value))
                .Select(i => i.Id).ToListAsync(ct);
            family.AddRange(level);
        }
        var incidents = await db.Incidents.AsNoTracking().Where(i => family.Contains(i.InstanceId))
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId)
            .OrderBy(h => h.Id).ToListAsync(ct);
        return ToView(row, StateSerializer.Read(row.State), model, incidents.Select(ToView).ToList(),
            history.Select(h => new HistoryEntry(h.Id, h.At, h.Kind, h.ElementId, h.ElementName, h.TaskId, h.UserId,
                h.Comment, h.Data is null ? null : JsonNode.Parse(h.Data))).ToList());
    }

    /// <summary>Sets variables on the process, or locally on the running sub-process with that element id.</summary>
    public Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, object?> variables, string? userId,
        string? subProcessId = null, CancellationToken ct = default) =>
        RunStepAsync(instanceId, userId, step =>
        {
            var scope = subProcessId is null
                ? step.State.Root
                : step.State.Scopes.FirstOrDefault(s => s.ElementId == subProcessId)
                    ?? throw new WorkflowNotFoundException("scope-not-found", $"子流程 “{subProcessId}” 当前没有运行");
            step.SetLocalVariables(scope, VariableValues.FromMap(variables), userId);
        }, ct);

    /// <summary>Ends the instance: open tasks are cancelled, pending jobs dropped, the reason kept in history.</summary>
    public Task CancelAsync(Guid instanceId, string? userId, string? reason, CancellationToken ct = default) =>
        RunStepAsync(instanceId, userId, step => step.Cancel(userId, reason), ct);

    /// <summary>Runs the element again (after its data was fixed), or chooses its outgoing flows again.</summary>
    public Task RetryIncidentAsync(Guid incidentId, string? userId, CancellationToken ct = default) =>
        TransactAsync(async session =>
        {
            var incident = await OpenIncidentAsync(session, incidentId, ct);
            if (incident.Kind == TimerFailedIncident) await RetryTimerIncidentAsync(session, incident, userId, ct);
            else await RunAsync(session, incident.InstanceId, userId, step => step.RetryIncident(incidentId, userId), ct);
            return true;
        }, ct);

    /// <summary>
    /// Declares the work of a failed service task done by hand: the token leaves the task with the given variables.
    /// Other incidents must be retried once their data is fixed.
    /// </summary>
    public Task ResolveIncidentAsync(Guid incidentId, string? userId, IReadOnlyDictionary<string, object?>? variables,
        string? comment, CancellationToken ct = default) =>
        RunIncidentStepAsync(incidentId, userId, step =>
        {
            var token = step.State.Tokens.FirstOrDefault(t => t.IncidentId == incidentId)
                ?? throw new WorkflowConflictException("incident-closed", "该异常已处理");
            if (token.WaitKind != WaitKind.Job)
            {
                throw new WorkflowException("incident-needs-retry", "此类异常不能直接跳过，请修正数据后重试");
            }
            step.CompleteJob(token.WaitId!.Value, VariableValues.FromMap(variables), userId, comment);
        }, ct);

    private async Task RunIncidentStepAsync(Guid incidentId, string? userId, Action<Step> act, CancellationToken ct)
    {
        await TransactAsync(async session =>
        {
            var incident = await OpenIncidentAsync(session, incidentId, ct);
            if (incident.Kind == TimerFailedIncident)
                throw new WorkflowException("incident-needs-retry", "期限事件触发失败的异常不能直接跳过，请排除原因后重试");
            return await RunAsync(session, incident.InstanceId, userId, act, ct);
        }, ct);
    }

    private static async Task<IncidentRow> OpenIncidentAsync(StepSession session, Guid incidentId, CancellationToken ct)
    {
        var incident = await StepReader.IncidentAsync(session, incidentId, ct)
            ?? throw new WorkflowNotFoundException("incident-not-found", "异常不存在");
        return incident.ResolvedAt is null ? incident : throw new WorkflowConflictException("incident-closed", "该异常已处理");
    }

    private Task RunStepAsync(Guid instanceId, string? userId, Action<Step> act, CancellationToken ct) =>
        TransactAsync(session => RunAsync(session, instanceId, userId, act, ct), ct);

    private async Task<Step> RunAsync(StepSession session, Guid instanceId, string? userId, Action<Step> act, CancellationToken ct)
    {
        var (row, step) = await LoadStepAsync(session, instanceId, ct);
        act(step);
        await SaveAsync(session, row, step, userId, isNew: false, ct);
        return step;
    }

    private static InstanceView ToView(InstanceRow row, InstanceState state, ProcessModel model,
        IReadOnlyList<IncidentView> incidents, IReadOnlyList<HistoryEntry> history)
    {
        var active = state.Tokens.Select(t => new ActiveElement(
            t.ElementId, model.Node(t.ElementId).Name, t.Status.ToString(),
            t.WaitKind == WaitKind.UserTask ? t.WaitId : null, t.IncidentId)).ToList();
        var variables = state.Root.Variables.ToDictionary(v => v.Key, v => v.Value?.DeepClone()); // the state lives on in the cache
        return new InstanceView(row.Id, row.DefinitionId, row.DefinitionKey, row.DefinitionVersion, row.BusinessKey,
            state.Status, row.StartedAt, row.EndedAt, row.StartedBy, active, variables, incidents, history,
            state.ParentInstanceId, row.Owner, row.Number);
    }

    /// <summary>The next number of the prefix in the year the case starts (business time zone), in the step's transaction.</summary>
    private async Task<string> NextCaseNumberAsync(StepSession session, string prefix, DateTime now, CancellationToken ct)
    {
        var year = TimeZoneInfo.ConvertTimeFromUtc(now, _services.BusinessTimeZone).Year;
        var last = await StepWriter.NextCaseNumberAsync(session, prefix, year, ct);
        return $"{prefix}-{year}-{last:0000}";
    }

    private static IncidentView ToView(IncidentRow row) =>
        new(row.Id, row.InstanceId, row.ElementId, row.Kind, row.Message, row.CreatedAt, row.ResolvedAt, row.ResolvedBy);
}
