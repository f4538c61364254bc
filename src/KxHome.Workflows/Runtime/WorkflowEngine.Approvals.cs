using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// The approval operations of the inbox besides completing: each is one transaction, recorded in history with who and why,
// and tells the person who now holds the task. The caller has checked that the actor may act on the task.
public sealed partial class WorkflowEngine
{
    /// <summary>委派: the delegate acts on the task, then it comes back to the one who delegated it.</summary>
    public Task<UserTaskView> DelegateTaskAsync(Guid taskId, string userId, string delegateId, string? comment, CancellationToken ct = default) =>
        HandOverAsync(taskId, userId, delegateId, comment, HistoryKind.TaskDelegated, task =>
        {
            if (task.DelegatedBy is not null) throw new WorkflowConflictException("task-delegated", "该任务已委派，不能再委派");
            task.DelegatedBy = userId;
            task.Assignee = delegateId;
        }, ct);

    /// <summary>转交: the task belongs to another person from now on.</summary>
    public Task<UserTaskView> TransferTaskAsync(Guid taskId, string userId, string toUserId, string? comment, CancellationToken ct = default) =>
        HandOverAsync(taskId, userId, toUserId, comment, HistoryKind.TaskTransferred, task =>
        {
            if (task.DelegatedBy is not null) throw new WorkflowConflictException("task-delegated", "受委派的任务不能转交，请办理后交回");
            task.Assignee = toUserId;
        }, ct);

    /// <summary>
    /// 加签: another person signs too: before the holder (the task goes to them first and then comes back) or after
    /// the holder (their approval passes the task on to the added signer). A rejection by anyone ends the signing.
    /// </summary>
    public Task<UserTaskView> AddSignerAsync(Guid taskId, string userId, string signerId, bool before, string? comment, CancellationToken ct = default) =>
        HandOverAsync(taskId, userId, signerId, comment, HistoryKind.SignerAdded, task =>
        {
            if (task.DelegatedBy is not null) throw new WorkflowConflictException("task-delegated", "受委派的任务不能加签");
            var signers = WorkflowQueries.Signers(task.PendingSigners).ToList();
            if (signers.Contains(signerId)) throw new WorkflowException("signer-already-added", "此人已在加签名单中");
            if (before)
            {
                signers.Insert(0, userId);
                task.Assignee = signerId;
            }
            else
            {
                signers.Add(signerId);
                task.Assignee = userId;
            }
            task.PendingSigners = string.Join(',', signers);
        }, ct);

    /// <summary>
    /// 退回 (or 补正 when <paramref name="correction"/>): the case goes back to an earlier user task it has passed. A
    /// correction also stops the case's running deadline clocks until that task is done again.
    /// </summary>
    public async Task<StepOutcome> ReturnTaskAsync(Guid taskId, string userId, string targetElementId, string comment, bool correction,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new WorkflowException("comment-required", correction ? "请填写需要补正的内容" : "请填写退回原因");
        return await TransactAsync(async session =>
        {
            var task = await HeldTaskAsync(session, taskId, userId, ct);
            if (!await StepReader.HasPassedAsync(session, task.InstanceId, targetElementId, ct))
            {
                throw new WorkflowException("return-target-not-passed", $"不能退回到 “{targetElementId}”：案件尚未经过这一步");
            }
            var (row, step) = await LoadStepAsync(session, task.InstanceId, ct);
            var kind = correction ? HistoryKind.CorrectionRequested : HistoryKind.TaskReturned;
            if (correction)
            {
                foreach (var timer in await TimerStore.DeadlinesAsync(session, "InstanceId = @p0 AND PausedAt IS NULL", ct, task.InstanceId))
                {
                    var change = Pause(timer, Now);
                    timer.PausedForCorrection = true;
                    await WriteTimerChangeAsync(session, timer, change, userId, "补正期间暂停计时", ct);
                }
            }
            step.ReturnTo(taskId, targetElementId, userId, comment.Trim(), kind);
            await SaveAsync(session, row, step, userId, isNew: false, ct);
            if (correction)
            {
                await NoticeStore.InsertAsync(session, new NoticeRow
                {
                    Kind = NoticeKind.CorrectionRequested, InstanceId = row.Id, TaskId = step.NewTasks.FirstOrDefault()?.Id,
                    UserId = userId, Comment = comment.Trim(),
                }, Now, ct);
            }
            var opened = step.NewTasks.Select(t => WorkflowQueries.ToView(TaskStore.ToRow(t, row, step.Now))).ToList();
            return new StepOutcome(row.Id, step.State.Status, opened);
        }, ct);
    }

    /// <summary>
    /// 撤回: the applicant takes the case back, as <see cref="Withdrawal"/> allows. <paramref name="applicantSide"/> are
    /// the people of the applying organisation: an action by anyone else (a claim, a decision) means it is too late.
    /// </summary>
    public async Task WithdrawAsync(Guid instanceId, string userId, IReadOnlyCollection<string> applicantSide, string? reason,
        CancellationToken ct = default)
    {
        await TransactAsync(async session =>
        {
            var (row, step) = await LoadStepAsync(session, instanceId, ct);
            var acts = await StepReader.ActsAsync(session, instanceId, ct);
            if (Withdrawal.Refusal(row.Status, step.State.ParentInstanceId, row.StartedBy, acts, applicantSide) is { } refusal) throw refusal;
            step.Cancel(userId, string.IsNullOrWhiteSpace(reason) ? "申请人撤回" : reason.Trim(), HistoryKind.InstanceWithdrawn);
            await SaveAsync(session, row, step, userId, isNew: false, ct);
            return true;
        }, ct);
    }

    private async Task<UserTaskView> HandOverAsync(Guid taskId, string userId, string toUserId, string? comment, HistoryKind kind,
        Action<UserTaskRow> change, CancellationToken ct)
    {
        if (toUserId == userId) throw new WorkflowException("same-person", "不能交给自己");
        await TransactAsync(async session =>
        {
            var task = await HeldTaskAsync(session, taskId, userId, ct);
            task.Assignee ??= userId;
            change(task);
            await TaskStore.SaveHolderAsync(session, task, ct);
            await StepWriter.InsertHistoryAsync(session, task.InstanceId,
                [new HistoryRecord(kind, Now, task.ElementId, task.Name, task.Id, userId, comment?.Trim(), new JsonObject { ["to"] = toUserId })], ct);
            await NoticeStore.InsertAsync(session, new NoticeRow
            {
                Kind = NoticeKind.TaskCreated, InstanceId = task.InstanceId, TaskId = task.Id, UserId = userId, Recipient = task.Assignee,
            }, Now, ct);
            return true;
        }, ct);
        return await Queries.GetTaskAsync(taskId, ct);
    }

    // An open task the actor holds, or one nobody holds yet (offered to the actor's groups).
    private static async Task<UserTaskRow> HeldTaskAsync(StepSession session, Guid taskId, string userId, CancellationToken ct)
    {
        var task = await OpenTaskAsync(session, taskId, ct);
        if (task.Assignee is not null && task.Assignee != userId)
        {
            throw new WorkflowException("task-assigned-to-other", $"该任务由 {task.Assignee} 办理，不能代为操作");
        }
        return task;
    }
}
