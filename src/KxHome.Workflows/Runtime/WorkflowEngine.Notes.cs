using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// Approval operations that leave a note and move nothing: 抄送, 催办, candidates added.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// 抄送: someone is told of the case, for information, and may read it from now on (<see cref="WorkflowQueries.IsCopiedToAsync"/>);
    /// the copy, its history line and its mail notice are one transaction.
    /// </summary>
    public Task CopyTaskAsync(Guid taskId, string userId, string recipientId, string? comment, CancellationToken ct = default) =>
        NoteAsync(taskId, userId, comment, HistoryKind.TaskCopied, NoticeKind.TaskCopied, recipientId,
            new JsonObject { ["recipient"] = recipientId }, minInterval: null, ct,
            also: (session, task) => TaskStore.CopyAsync(session, task, recipientId, userId, Now, ct));

    /// <summary>催办: the holder of the task is reminded. Refused within <paramref name="minInterval"/> of the last reminder.</summary>
    public Task UrgeTaskAsync(Guid taskId, string userId, string? comment, TimeSpan minInterval, CancellationToken ct = default) =>
        NoteAsync(taskId, userId, comment, HistoryKind.TaskUrged, NoticeKind.TaskUrged, null, null, minInterval, ct);

    /// <summary>
    /// Offers an open task to more people, e.g. the administrators of the owning association when nobody is in the
    /// task's candidate groups. Recorded in history with the reason.
    /// </summary>
    public Task AddCandidatesAsync(Guid taskId, IReadOnlyList<string> userIds, string reason, CancellationToken ct = default) =>
        TransactAsync(async session =>
        {
            var task = await OpenTaskAsync(session, taskId, ct);
            await TaskStore.AddCandidateUsersAsync(session, taskId, userIds, ct);
            await StepWriter.InsertHistoryAsync(session, task.InstanceId,
                [new HistoryRecord(HistoryKind.TaskCandidatesAdded, Now, task.ElementId, task.Name, task.Id, null, reason,
                    new JsonObject { ["users"] = new JsonArray(userIds.Select(u => (JsonNode?)u).ToArray()) })], ct);
            return true;
        }, ct);

    private async Task NoteAsync(Guid taskId, string userId, string? comment, HistoryKind kind, NoticeKind notice, string? recipient,
        JsonObject? data, TimeSpan? minInterval, CancellationToken ct, Func<StepSession, UserTaskRow, Task>? also = null)
    {
        await TransactAsync(async session =>
        {
            var task = await OpenTaskAsync(session, taskId, ct);
            if (minInterval is { } interval && await StepReader.NotedSinceAsync(session, task, kind, Now - interval, ct))
            {
                throw new WorkflowConflictException("urge-too-soon", $"{interval.TotalHours:0} 小时内已催办过，请稍后再试");
            }
            await StepWriter.InsertHistoryAsync(session, task.InstanceId,
                [new HistoryRecord(kind, Now, task.ElementId, task.Name, task.Id, userId, comment?.Trim(), data)], ct);
            await NoticeStore.InsertAsync(session, new NoticeRow
            {
                Kind = notice, InstanceId = task.InstanceId, TaskId = task.Id, UserId = userId, Recipient = recipient, Comment = comment?.Trim(),
            }, Now, ct);
            if (also is not null) await also(session, task);
            return true;
        }, ct);
    }
}
