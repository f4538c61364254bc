using KxHome.Workflows.Execution;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Persistence;

/// <summary>Puts everything one step did into the unit of work; the caller saves and commits it as one transaction.</summary>
internal static class StepWriter
{
    public static async Task WriteAsync(WorkflowDbContext db, InstanceRow row, Step step, string? userId, CancellationToken ct)
    {
        var state = step.State;
        var now = step.Now;
        row.State = StateSerializer.Write(state);
        row.Status = state.Status;
        if (state.Status != InstanceStatus.Active) row.EndedAt ??= now;
        row.Revision = Guid.NewGuid();

        foreach (var task in step.NewTasks) db.UserTasks.Add(ToRow(task, row, now));
        foreach (var job in step.NewJobs)
        {
            db.Jobs.Add(new JobRow { Id = job.Id, InstanceId = row.Id, TokenId = job.TokenId, ElementId = job.ElementId, Topic = job.Topic, DueAt = now });
        }
        foreach (var incident in step.NewIncidents)
        {
            db.Incidents.Add(new IncidentRow
            {
                Id = incident.Id, InstanceId = row.Id, ElementId = incident.ElementId,
                Kind = incident.Kind, Message = incident.Message, CreatedAt = now,
            });
        }
        foreach (var entry in step.History) db.History.Add(ToRow(entry, row.Id));

        var endedTasks = Ids(step.ClosedWaits, WaitKind.UserTask);
        if (endedTasks.Count > 0)
        {
            await db.UserTasks.Where(t => endedTasks.Contains(t.Id) && t.State == UserTaskState.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, UserTaskState.Cancelled).SetProperty(t => t.EndedAt, now), ct);
        }
        var endedJobs = Ids(step.ClosedWaits, WaitKind.Job).Concat(step.CompletedJobs).ToList();
        if (endedJobs.Count > 0) await db.Jobs.Where(j => endedJobs.Contains(j.Id)).ExecuteDeleteAsync(ct);
        if (step.ClosedIncidents.Count > 0)
        {
            await db.Incidents.Where(i => step.ClosedIncidents.Contains(i.Id) && i.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, now).SetProperty(i => i.ResolvedBy, userId), ct);
        }
    }

    private static List<Guid> Ids(IEnumerable<ClosedWait> waits, WaitKind kind) =>
        waits.Where(w => w.Kind == kind).Select(w => w.Id).ToList();

    private static UserTaskRow ToRow(NewUserTask task, InstanceRow instance, DateTime now) => new()
    {
        Id = task.Id,
        InstanceId = instance.Id,
        TokenId = task.TokenId,
        ElementId = task.ElementId,
        Name = task.Name,
        DefinitionKey = instance.DefinitionKey,
        BusinessKey = instance.BusinessKey,
        Assignee = task.Assignee,
        FormKey = task.FormKey,
        DueAt = task.DueAt,
        Priority = task.Priority,
        State = UserTaskState.Open,
        CreatedAt = now,
        Revision = Guid.NewGuid(),
        Candidates =
        [
            .. task.CandidateUsers.Select(u => new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.User, Value = u }),
            .. task.CandidateGroups.Select(g => new TaskCandidateRow { TaskId = task.Id, Kind = CandidateKind.Group, Value = g }),
        ],
    };

    private static HistoryRow ToRow(HistoryRecord entry, Guid instanceId) => new()
    {
        InstanceId = instanceId,
        At = entry.At,
        Kind = entry.Kind,
        ElementId = entry.ElementId,
        ElementName = entry.ElementName,
        TaskId = entry.TaskId,
        UserId = entry.UserId,
        Comment = entry.Comment,
        Data = entry.Data?.ToJsonString(),
    };
}
