using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
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
        if (query.BusinessKey is { } businessKey) tasks = tasks.Where(t => t.BusinessKey == businessKey);
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

    /// <summary>Makes the user the task's assignee; refused when someone else holds it or it is no longer open.</summary>
    public async Task<UserTaskView> ClaimAsync(Guid taskId, string userId, CancellationToken ct = default)
    {
        await TransactAsync(async session =>
        {
            var task = await OpenTaskAsync(session, taskId, ct);
            if (task.Assignee == userId) return true;
            if (task.Assignee is not null)
            {
                throw new WorkflowConflictException("task-claimed", $"该任务已由 {task.Assignee} 认领");
            }
            task.Assignee = userId;
            await TaskStore.SaveHolderAsync(session, task, ct);
            await StepWriter.InsertHistoryAsync(session, task.InstanceId,
                [new HistoryRecord(HistoryKind.TaskClaimed, Now, task.ElementId, task.Name, task.Id, userId)], ct);
            return true;
        }, ct);
        return await GetTaskAsync(taskId, ct);
    }

    /// <summary>
    /// Completes the task with output variables and a comment, and moves the instance on. A task held by someone
    /// else is refused; a task already done gives a <see cref="WorkflowConflictException"/>.
    /// A delegated task goes back to whoever delegated it; with added signers still to sign, the task passes to the
    /// next of them unless <paramref name="final"/> (a rejection ends the signing). Otherwise the instance moves on,
    /// and deadline clocks stopped for a correction run again.
    /// Returns where the instance went: its status and the user tasks this completion opened.
    /// </summary>
    public async Task<StepOutcome> CompleteTaskAsync(Guid taskId, string userId, IReadOnlyDictionary<string, object?>? variables = null,
        string? comment = null, bool final = false, CancellationToken ct = default)
    {
        var values = VariableValues.FromMap(variables);
        return await TransactAsync(async session =>
        {
            var task = await OpenTaskAsync(session, taskId, ct);
            if (task.Assignee is not null && task.Assignee != userId)
            {
                throw new WorkflowException("task-assigned-to-other", $"该任务由 {task.Assignee} 办理，不能代为完成");
            }
            var signers = Signers(task.PendingSigners);
            if (task.DelegatedBy is { } delegator)
            {
                return await PassOnAsync(session, task, userId, delegator, null, HistoryKind.TaskResolved, values, comment, ct);
            }
            if (signers.Count > 0 && !final)
            {
                return await PassOnAsync(session, task, userId, signers[0], signers.Count > 1 ? string.Join(',', signers.Skip(1)) : null,
                    HistoryKind.TaskSigned, values, comment, ct);
            }
            var (row, step) = await LoadStepAsync(session, task.InstanceId, ct);
            step.CompleteUserTask(taskId, userId, values, comment);
            await TaskStore.CompleteAsync(session, taskId, userId, step.Now, ct);
            foreach (var timer in await TimerStore.DeadlinesAsync(session, "InstanceId = @p0 AND PausedForCorrection = 1", ct, task.InstanceId))
            {
                await WriteTimerChangeAsync(session, timer, Resume(timer, step.Now), userId, "补正后重新提交，恢复计时", ct);
            }
            await SaveAsync(session, row, step, userId, isNew: false, ct);
            var opened = step.NewTasks.Select(t => ToView(StepWriter.ToRow(t, row, step.Now))).ToList();
            return new StepOutcome(row.Id, step.State.Status, opened);
        }, ct);
    }

    // The holder has acted but the task is not done: it passes to the next person (back to the delegator, or to the next signer).
    private async Task<StepOutcome> PassOnAsync(StepSession session, UserTaskRow task, string userId, string next, string? rest,
        HistoryKind kind, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> values, string? comment, CancellationToken ct)
    {
        task.Assignee = next;
        task.DelegatedBy = null;
        task.PendingSigners = rest;
        await TaskStore.SaveHolderAsync(session, task, ct);
        var data = new System.Text.Json.Nodes.JsonObject { ["to"] = next };
        foreach (var (name, value) in values) data[name] = value?.DeepClone();
        await StepWriter.InsertHistoryAsync(session, task.InstanceId,
            [new HistoryRecord(kind, Now, task.ElementId, task.Name, task.Id, userId, comment, data)], ct);
        await NoticeStore.InsertAsync(session, new NoticeRow
        {
            Kind = NoticeKind.TaskCreated, InstanceId = task.InstanceId, TaskId = task.Id, UserId = userId, Recipient = next,
        }, Now, ct);
        return new StepOutcome(task.InstanceId, InstanceStatus.Active, []);
    }

    private static async Task<UserTaskRow> OpenTaskAsync(StepSession session, Guid taskId, CancellationToken ct)
    {
        var task = await StepReader.TaskAsync(session, taskId, ct) ?? throw TaskNotFound();
        return task.State switch
        {
            UserTaskState.Open => task,
            UserTaskState.Completed => throw new WorkflowConflictException("task-already-completed",
                $"该任务已由 {task.CompletedBy} 办理完毕"),
            _ => throw new WorkflowConflictException("task-cancelled", "该任务已撤销"),
        };
    }

    private static WorkflowNotFoundException TaskNotFound() => new("task-not-found", "任务不存在");

    private static UserTaskView ToView(UserTaskRow row) => new(
        row.Id, row.InstanceId, row.BusinessKey, row.DefinitionKey, row.ElementId, row.Name, row.Assignee,
        row.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).ToList(),
        row.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).ToList(),
        row.FormKey, row.DueAt, row.Priority, row.State, row.CreatedAt, row.EndedAt, row.CompletedBy, row.Revision, row.Owner,
        row.DelegatedBy, Signers(row.PendingSigners), row.CaseNumber);

    private static IReadOnlyList<string> Signers(string? pending) =>
        pending?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
