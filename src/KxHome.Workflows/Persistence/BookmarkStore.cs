using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// Every wait a step opens or closes goes through here, one path whatever it waits for. Its kind says which table keeps
/// it, because each is read by columns of its own: tasks by the inbox (candidates, holder, organisation), jobs by the
/// worker (topic, lock), timers by the alarm clock (due time, cycle), subscriptions by delivery (message name, key).
/// </summary>
internal static class BookmarkStore
{
    public static async Task OpenAsync(StepSession session, Bookmark bookmark, InstanceRow instance, JobHold hold, DateTime now,
        CancellationToken ct)
    {
        switch (bookmark)
        {
            case NewUserTask task:
                await TaskStore.InsertAsync(session, TaskStore.ToRow(task, instance, now), ct);
                await NoticeStore.InsertAsync(session, new NoticeRow { Kind = NoticeKind.TaskCreated, InstanceId = instance.Id, TaskId = task.Id }, now, ct);
                break;
            case NewJob job:
                await JobStore.InsertAsync(session, job, instance.Id, hold, now, ct);
                break;
            case NewTimer timer:
                await TimerStore.InsertAsync(session, timer, instance.Id, instance.DefinitionId, instance.DefinitionKey, instance.BusinessKey, now, ct);
                break;
            case NewSubscription subscription:
                await MessageStore.InsertAsync(session, subscription, instance.Id, instance.DefinitionId, instance.DefinitionKey,
                    instance.BusinessKey, now, ct);
                break;
            default:
                throw new InvalidOperationException($"no table keeps a {bookmark.Kind} wait");
        }
    }

    /// <summary>A completed task is kept as done; every other closed wait ends (a task undone) or goes (the rest).</summary>
    public static Task CloseAsync(StepSession session, ClosedWait wait, DateTime now, CancellationToken ct) => wait switch
    {
        { Kind: WaitKind.UserTask, CompletedBy: { } userId } => TaskStore.CompleteAsync(session, wait.Id, userId, now, ct),
        { Kind: WaitKind.UserTask } => TaskStore.CancelAsync(session, wait.Id, now, ct),
        { Kind: WaitKind.Job } => JobStore.DeleteAsync(session, wait.Id, ct),
        { Kind: WaitKind.Timer } => TimerStore.DeleteAsync(session, wait.Id, ct),
        { Kind: WaitKind.Message } => MessageStore.DeleteAsync(session, wait.Id, ct),
        _ => throw new InvalidOperationException($"no table keeps a {wait.Kind} wait"),
    };
}
