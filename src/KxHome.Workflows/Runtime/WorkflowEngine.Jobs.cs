using System.Text.Json.Nodes;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Runs the handlers of due service-task jobs, each outside any transaction, then commits its result as one
    /// step. Jobs are locked first, so several hosts can share one database. Returns how many jobs were run.
    /// </summary>
    public async Task<int> ExecuteDueJobsAsync(int maxJobs = 20, CancellationToken ct = default)
    {
        List<Guid> due;
        await using (var db = await _dbFactory.CreateDbContextAsync(ct))
        {
            var now = Now;
            due = await db.Jobs.AsNoTracking()
                .Where(j => j.IncidentId == null && j.DueAt <= now && (j.LockExpiresAt == null || j.LockExpiresAt < now))
                .OrderBy(j => j.DueAt).Select(j => j.Id).Take(maxJobs).ToListAsync(ct);
        }
        var ran = 0;
        foreach (var jobId in due)
        {
            if (await TryLockAsync(jobId, ct))
            {
                await RunJobAsync(jobId, ct);
                ran++;
            }
        }
        return ran;
    }

    private async Task<bool> TryLockAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var until = now + _options.JobLockDuration;
        var locked = await db.Jobs
            .Where(j => j.Id == jobId && j.IncidentId == null && (j.LockExpiresAt == null || j.LockExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockOwner, _workerId).SetProperty(j => j.LockExpiresAt, until), ct);
        return locked == 1;
    }

    private async Task RunJobAsync(Guid jobId, CancellationToken ct)
    {
        var context = await ReadJobContextAsync(jobId, ct);
        if (context is null) return; // the instance was cancelled or moved on since the job was locked
        IReadOnlyDictionary<string, object?>? output;
        try
        {
            output = _handlers.TryGetValue(context.Topic, out var handler)
                ? await handler.HandleAsync(context, ct)
                : throw new InvalidOperationException($"没有为主题 “{context.Topic}” 注册处理程序");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordJobFailureAsync(context, ex.Message, ct);
            return;
        }
        await CompleteJobAsync(context, VariableValues.FromMap(output), ct);
    }

    private async Task<ServiceTaskContext?> ReadJobContextAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return null;
        var instance = await db.Instances.AsNoTracking().FirstAsync(i => i.Id == job.InstanceId, ct);
        var state = StateSerializer.Read(instance.State);
        var token = state.Tokens.FirstOrDefault(t => t.Id == job.TokenId && t.WaitId == job.Id);
        return token is null
            ? null
            : new ServiceTaskContext(job.Id, job.InstanceId, instance.BusinessKey, job.ElementId, job.Topic,
                job.Attempts + 1, state.VisibleVariables(token.ScopeId));
    }

    private async Task CompleteJobAsync(ServiceTaskContext context, Dictionary<string, JsonNode?> output, CancellationToken ct)
    {
        var done = await TransactAsync(async db =>
        {
            if (!await StillOursAsync(db, context.JobId, ct)) return null; // cancelled or taken over meanwhile
            var (row, step) = await LoadStepAsync(db, context.InstanceId, ct);
            step.CompleteJob(context.JobId, output);
            await StepWriter.WriteAsync(db, row, step, null, ct);
            return step;
        }, ct);
        if (done is not null) AfterCommit(done);
    }

    private async Task RecordJobFailureAsync(ServiceTaskContext context, string error, CancellationToken ct)
    {
        var policy = _options.RetryFor(context.Topic);
        await TransactAsync(async db =>
        {
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == context.JobId && j.LockOwner == _workerId, ct);
            if (job is null) return false;
            job.Attempts = context.Attempt;
            job.LastError = error;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            var (row, step) = await LoadStepAsync(db, context.InstanceId, ct);
            if (context.Attempt < policy.Attempts)
            {
                job.DueAt = Now + policy.BackoffAfter(context.Attempt);
                step.Record(HistoryKind.JobFailed, step.Model.Node(job.ElementId), comment: error,
                    data: new JsonObject { ["attempt"] = context.Attempt, ["retryAt"] = VariableValues.FormatDateTime(job.DueAt) });
            }
            else
            {
                step.FailJob(job.Id, $"处理程序失败 {context.Attempt} 次：{error}");
                job.IncidentId = step.NewIncidents[^1].Id;
            }
            await StepWriter.WriteAsync(db, row, step, null, ct);
            return true;
        }, ct);
    }

    private async Task<bool> StillOursAsync(WorkflowDbContext db, Guid jobId, CancellationToken ct) =>
        await db.Jobs.AnyAsync(j => j.Id == jobId && j.LockOwner == _workerId, ct);
}
