using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

// The read side of definitions, deadlines and the outbox.
public sealed partial class WorkflowQueries
{
    /// <summary>The current (newest) version of each flow, by key; what new cases start on.</summary>
    public async Task<IReadOnlyList<DefinitionView>> LatestDefinitionsAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking()
            .Where(d => d.Version == db.Definitions.Where(v => v.Key == d.Key).Max(v => v.Version)).OrderBy(d => d.Key)
            .Select(d => new DefinitionView(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy, d.Note)).ToListAsync(ct);
    }

    /// <summary>Every deployed version, newest first within each key.</summary>
    public async Task<IReadOnlyList<DefinitionView>> ListDefinitionsAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().OrderBy(d => d.Key).ThenByDescending(d => d.Version) // without the XML
            .Select(d => new DefinitionView(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy, d.Note)).ToListAsync(ct);
    }

    /// <summary>How many cases run on each version (definition id → running cases); versions with none are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunningCasesByVersionAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Active)
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The BPMN XML of one version.</summary>
    public async Task<string> GetDefinitionXmlAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().Where(d => d.Id == definitionId).Select(d => d.Xml).FirstOrDefaultAsync(ct)
            ?? throw new WorkflowNotFoundException("definition-not-found", $"流程定义 “{definitionId}” 不存在");
    }

    /// <summary>The parsed process of one deployed version (its elements, names and forms).</summary>
    public async Task<ProcessModel> GetModelAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await _definitions.GetAsync(db, definitionId, ct); // a version never changes: parsed once, then from memory
    }

    internal static DefinitionView ToView(DefinitionRow row) =>
        new(row.Id, row.Key, row.Version, row.Name, row.DeployedAt, row.DeployedBy, row.Note);

    /// <summary>Pending timers (deadlines), earliest first.</summary>
    public async Task<IReadOnlyList<TimerView>> QueryTimersAsync(TimerQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var timers = db.Timers.AsNoTracking();
        if (query.InstanceId is { } instanceId) timers = timers.Where(t => t.InstanceId == instanceId);
        if (query.InstanceIds is { } instanceIds) timers = timers.Where(t => t.InstanceId != null && instanceIds.Contains(t.InstanceId.Value));
        if (query.BusinessKey is { } businessKey) timers = timers.Where(t => t.BusinessKey == businessKey);
        if (query.DefinitionKey is { } definitionKey) timers = timers.Where(t => t.DefinitionKey == definitionKey);
        if (query.DueBefore is { } dueBefore) timers = timers.Where(t => t.DueAt < dueBefore);
        var rows = await timers.OrderBy(t => t.DueAt).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return rows.Select(t => new TimerView(t.Id, t.InstanceId, t.BusinessKey, t.DefinitionKey, t.ElementId, t.ElementName,
            t.DueAt, t.CreatedAt, t.PausedAt, t.RemainingSeconds is { } left ? TimeSpan.FromSeconds(left) : null)).ToList();
    }

    /// <summary>Notices not yet sent whose time has come, oldest first: the outbox's work list.</summary>
    public async Task<IReadOnlyList<NoticeView>> PendingNoticesAsync(int max = 50, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var now = _clock.GetUtcNow().UtcDateTime;
        var rows = await db.Notices.AsNoTracking().Where(n => n.SentAt == null && n.AvailableAt <= now)
            .OrderBy(n => n.CreatedAt).Take(max).ToListAsync(ct);
        return rows.Select(n => new NoticeView(n.Id, n.Kind, n.InstanceId, n.TaskId, n.UserId, n.Recipient, n.Comment, n.CreatedAt, n.Attempts))
            .ToList();
    }

    /// <summary>Notices not yet sent that failed at least once, next attempt first.</summary>
    public async Task<IReadOnlyList<RetryingNotice>> RetryingNoticesAsync(int max = 20, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Notices.AsNoTracking().Where(n => n.SentAt == null && n.Attempts > 0).OrderBy(n => n.AvailableAt).Take(max)
            .Select(n => new RetryingNotice(n.Id, n.Kind, n.InstanceId, n.Attempts, n.LastError, n.AvailableAt)).ToListAsync(ct);
    }
}
