using KxHome.Workflows.Core;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

// The read side of tasks: queries, the inbox, 抄送 and views.
public sealed partial class WorkflowQueries
{
    /// <summary>User tasks matching the query, highest priority first, then oldest first.</summary>
    public async Task<IReadOnlyList<UserTaskView>> QueryTasksAsync(TaskQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var tasks = db.UserTasks.AsNoTracking();
        if (query.State is { } state) tasks = tasks.Where(t => t.State == state);
        if (query.Assignee is { } assignee) tasks = tasks.Where(t => t.Assignee == assignee);
        if (query.InstanceId is { } instanceId) tasks = tasks.Where(t => t.InstanceId == instanceId);
        if (query.InstanceIds is { } instanceIds) tasks = tasks.Where(t => instanceIds.Contains(t.InstanceId));
        if (query.DueBefore is { } dueBefore) tasks = tasks.Where(t => t.DueAt != null && t.DueAt < dueBefore);
        if (query.CompletedBy is { } completedBy) tasks = tasks.Where(t => t.CompletedBy == completedBy);
        if (query.BusinessKey is { } businessKey)
        {
            // Through the cases of that key: a task keeps its case's key, and one index fewer is one page fewer per step.
            var cases = db.Instances.Where(i => i.BusinessKey == businessKey).Select(i => i.Id);
            tasks = tasks.Where(t => cases.Contains(t.InstanceId));
        }
        if (query.Owners is { } owners) tasks = tasks.Where(t => t.Owner != null && owners.Contains(t.Owner));
        if (query.CandidateUser is not null || query.CandidateGroups is { Count: > 0 })
        {
            var user = query.CandidateUser;
            var groups = query.CandidateGroups ?? [];
            tasks = tasks.Where(t => t.Candidates.Any(c =>
                (c.Kind == CandidateKind.User && c.Value == user) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value))));
        }
        var rows = await Ordered(tasks.Include(t => t.Candidates), query).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    /// <summary>
    /// 待办 of a person: the open tasks they hold, and the open tasks nobody holds that are offered to them or to one of
    /// <paramref name="groups"/> on cases of <paramref name="owners"/> (of any case when null); highest priority
    /// first, then oldest. Read in plain SQL (<see cref="InboxReader"/>): it is the list people open most.
    /// </summary>
    public async Task<IReadOnlyList<UserTaskView>> InboxAsync(string userId, IReadOnlyList<string> groups, IReadOnlyList<string>? owners,
        int skip, int take, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var rows = await InboxReader.ReadAsync(db.Database.GetDbConnection(), userId, groups, owners, skip + take, ct);
        return rows.OrderByDescending(t => t.Priority).ThenByDescending(t => t.EndedAt).ThenBy(t => t.CreatedAt)
            .Skip(skip).Take(take).Select(ToView).ToList();
    }

    /// <summary>Highest priority first, then oldest first; 已办 (completed by someone) latest first.</summary>
    /// (Chosen here, not inside the expression: EF Core would compile a condition on the query object each time.)
    private static IQueryable<UserTaskRow> Ordered(IQueryable<UserTaskRow> tasks, TaskQuery query) =>
        query.CompletedBy is null
            ? tasks.OrderByDescending(t => t.Priority).ThenByDescending(t => t.EndedAt).ThenBy(t => t.CreatedAt)
            : tasks.OrderByDescending(t => t.EndedAt).ThenBy(t => t.CreatedAt);

    /// <summary>One user task.</summary>
    public async Task<UserTaskView> GetTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserTasks.AsNoTracking().Include(t => t.Candidates).FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw TaskNotFound();
        return ToView(row);
    }

    /// <summary>Cases copied to <paramref name="userId"/>, latest first.</summary>
    public async Task<IReadOnlyList<TaskCopyView>> QueryCopiesAsync(string userId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.TaskCopies.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new TaskCopyView(c.Id, c.InstanceId, c.TaskId, c.UserId, c.ByUserId, c.At)).ToListAsync(ct);
    }

    /// <summary>Whether the case was copied to <paramref name="userId"/> (抄送), which lets them read it.</summary>
    public async Task<bool> IsCopiedToAsync(Guid instanceId, string userId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.TaskCopies.AnyAsync(c => c.InstanceId == instanceId && c.UserId == userId, ct);
    }

    internal static UserTaskView ToView(UserTaskRow row) => new(
        row.Id, row.InstanceId, row.BusinessKey, row.DefinitionKey, row.ElementId, row.Name, row.Assignee,
        row.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).ToList(),
        row.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).ToList(),
        row.FormKey, row.DueAt, row.Priority, row.State, row.CreatedAt, row.EndedAt, row.CompletedBy, row.Revision, row.Owner,
        row.DelegatedBy, Signers(row.PendingSigners), row.CaseNumber);

    internal static WorkflowNotFoundException TaskNotFound() => new("task-not-found", "任务不存在");

    /// <summary>The people still to sign a 会签 task, from the stored comma-separated list.</summary>
    internal static IReadOnlyList<string> Signers(string? pending) =>
        pending?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
