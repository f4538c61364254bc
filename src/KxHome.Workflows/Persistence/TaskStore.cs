using KxHome.Workflows.Model;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// Every statement that changes a user task outside the step writer's inserts, in the operation's transaction. Each
/// change gives the task a new revision, which is what optimistic readers compare.
/// </summary>
internal static class TaskStore
{
    /// <summary>Saves who holds the task now: its assignee, the delegator it goes back to, and the signers still to come.</summary>
    public static Task SaveHolderAsync(StepSession session, UserTaskRow task, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE UserTasks SET Assignee = @p0, DelegatedBy = @p1, PendingSigners = @p2, Revision = @p3 WHERE Id = @p4", ct,
            task.Assignee, task.DelegatedBy, task.PendingSigners, Guid.NewGuid(), task.Id);

    /// <summary>The task is done, by <paramref name="userId"/>.</summary>
    public static Task CompleteAsync(StepSession session, Guid taskId, string userId, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE UserTasks SET State = @p0, EndedAt = @p1, CompletedBy = @p2, Revision = @p3, PendingSigners = NULL WHERE Id = @p4", ct,
            UserTaskState.Completed, now, userId, Guid.NewGuid(), taskId);

    /// <summary>An open task whose token was cancelled or moved on ends undone.</summary>
    public static Task CancelAsync(StepSession session, Guid taskId, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE UserTasks SET State = @p0, EndedAt = @p1 WHERE Id = @p2 AND State = @p3", ct,
            UserTaskState.Cancelled, now, taskId, UserTaskState.Open);

    /// <summary>Offers the task to more people.</summary>
    public static async Task AddCandidateUsersAsync(StepSession session, Guid taskId, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        foreach (var user in userIds)
        {
            await session.ExecuteAsync("INSERT INTO TaskCandidates (TaskId, Kind, Value) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", ct,
                taskId, CandidateKind.User, user);
        }
        await session.ExecuteAsync("UPDATE UserTasks SET Revision = @p0 WHERE Id = @p1", ct, Guid.NewGuid(), taskId);
    }

    /// <summary>抄送: the task's case is copied to <paramref name="recipient"/>, who may read it from now on.</summary>
    public static Task CopyAsync(StepSession session, UserTaskRow task, string recipient, string byUserId, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync("INSERT INTO TaskCopies (InstanceId, TaskId, UserId, ByUserId, At) VALUES (@p0, @p1, @p2, @p3, @p4)", ct,
            task.InstanceId, task.Id, recipient, byUserId, now);
}
