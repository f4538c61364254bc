using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// The engine's read side: lists and views of cases, tasks, timers, definitions and notices, read through EF Core
/// (the inbox through <see cref="InboxReader"/>) without a step and without changing anything. Commands are on
/// <see cref="WorkflowEngine"/>, which hands this out as <see cref="WorkflowEngine.Queries"/>.
/// </summary>
public sealed partial class WorkflowQueries
{
    private readonly IDbContextFactory<WorkflowDbContext> _dbFactory;
    private readonly DefinitionCache _definitions;
    private readonly TimeProvider _clock;

    internal WorkflowQueries(IDbContextFactory<WorkflowDbContext> dbFactory, DefinitionCache definitions, TimeProvider clock)
    {
        _dbFactory = dbFactory;
        _definitions = definitions;
        _clock = clock;
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

    /// <summary>
    /// One process variable of many cases in one read, for lists that show it per row (the day each 换届 opens); a case
    /// without it, or unknown, is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, JsonNode>> VariableOfAsync(IReadOnlyCollection<Guid> instanceIds, string name, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).Select(i => new { i.Id, i.State }).ToListAsync(ct);
        return rows.Select(r => (r.Id, Value: StateSerializer.Read(r.State).Root.Variables.GetValueOrDefault(name)))
            .Where(r => r.Value is not null).ToDictionary(r => r.Id, r => r.Value!.DeepClone());
    }

    internal static InstanceView ToView(InstanceRow row, InstanceState state, ProcessModel model,
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

    private static IncidentView ToView(IncidentRow row) =>
        new(row.Id, row.InstanceId, row.ElementId, row.Kind, row.Message, row.CreatedAt, row.ResolvedAt, row.ResolvedBy);
}
