using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
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
        return await Queries.GetTaskAsync(taskId, ct);
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
            var signers = WorkflowQueries.Signers(task.PendingSigners);
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
            var mayHaveTimers = step.State.MayHaveTimers;
            step.CompleteUserTask(taskId, userId, values, comment);
            if (mayHaveTimers) await ResumeAfterCorrectionAsync(session, task.InstanceId, step.Now, userId, ct);
            await SaveAsync(session, row, step, userId, isNew: false, ct);
            var opened = step.NewTasks.Select(t => WorkflowQueries.ToView(TaskStore.ToRow(t, row, step.Now))).ToList();
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
        var task = await StepReader.TaskAsync(session, taskId, ct) ?? throw WorkflowQueries.TaskNotFound();
        return task.State switch
        {
            UserTaskState.Open => task,
            UserTaskState.Completed => throw new WorkflowConflictException("task-already-completed",
                $"该任务已由 {task.CompletedBy} 办理完毕"),
            _ => throw new WorkflowConflictException("task-cancelled", "该任务已撤销"),
        };
    }
}
