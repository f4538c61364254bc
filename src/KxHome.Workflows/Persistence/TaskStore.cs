using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// Every statement that writes a user task, in the step's or the operation's transaction. Each change gives the task
/// a new revision, which is what optimistic readers compare.
/// </summary>
internal static class TaskStore
{
    /// <summary>Saves who holds the task now: its assignee, the delegator it goes back to, and the signers still to come.</summary>
    public static Task SaveHolderAsync(StepSession session, UserTaskRow task, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE UserTasks SET Assignee = @p0, DelegatedBy = @p1, PendingSigners = @p2, Revision = @p3 WHERE Id = @p4", ct,
            task.Assignee, task.DelegatedBy, task.PendingSigners, Ids.Random(), task.Id);

    /// <summary>The task is done, by <paramref name="userId"/>.</summary>
    public static Task CompleteAsync(StepSession session, Guid taskId, string userId, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE UserTasks SET State = @p0, EndedAt = @p1, CompletedBy = @p2, Revision = @p3, PendingSigners = NULL WHERE Id = @p4", ct,
            UserTaskState.Completed, now, userId, Ids.Random(), taskId);

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
        await session.ExecuteAsync("UPDATE UserTasks SET Revision = @p0 WHERE Id = @p1", ct, Ids.Random(), taskId);
    }

    /// <summary>抄送: the task's case is copied to <paramref name="recipient"/>, who may read it from now on.</summary>
    public static Task CopyAsync(StepSession session, UserTaskRow task, string recipient, string byUserId, DateTime now, CancellationToken ct) =>
        session.ExecuteAsync("INSERT INTO TaskCopies (InstanceId, TaskId, UserId, ByUserId, At) VALUES (@p0, @p1, @p2, @p3, @p4)", ct,
            task.InstanceId, task.Id, recipient, byUserId, now);

    /// <summary>A task a step created, with its candidates.</summary>
    public static async Task InsertAsync(StepSession session, UserTaskRow task, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "INSERT INTO UserTasks (Id, InstanceId, TokenId, ElementId, Name, DefinitionKey, BusinessKey, Assignee, FormKey, DueAt, Priority, State, CreatedAt, Revision, Owner, CaseNumber) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15)", ct,
            task.Id, task.InstanceId, task.TokenId, task.ElementId, task.Name, task.DefinitionKey, task.BusinessKey,
            task.Assignee, task.FormKey, task.DueAt, task.Priority, task.State, task.CreatedAt, task.Revision, task.Owner, task.CaseNumber);
        foreach (var candidate in task.Candidates)
        {
            await session.ExecuteAsync("INSERT INTO TaskCandidates (TaskId, Kind, Value) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", ct,
                candidate.TaskId, candidate.Kind, candidate.Value);
        }
    }

    /// <summary>The stored form of a task the step created.</summary>
    public static UserTaskRow ToRow(NewUserTask task, InstanceRow instance, DateTime now) => new()
    {
        Id = task.Id,
        InstanceId = instance.Id,
        TokenId = task.TokenId,
        ElementId = task.ElementId,
        Name = task.Name,
        DefinitionKey = instance.DefinitionKey,
        BusinessKey = instance.BusinessKey,
        Owner = instance.Owner,
        CaseNumber = instance.Number,
        Assignee = task.Assignee,
        FormKey = task.FormKey,
        DueAt = task.DueAt,
        Priority = task.Priority,
        State = UserTaskState.Open,
        CreatedAt = now,
        Revision = task.Revision,
        Candidates =
        [
            .. task.CandidateUsers.Select(u => new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.User, Value = u }),
            .. task.CandidateGroups.Select(g => new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.Group, Value = g }),
        ],
    };
}
