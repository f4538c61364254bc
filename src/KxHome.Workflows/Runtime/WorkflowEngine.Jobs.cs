using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Ids.Random():N}";

    // One job run at a time in this process (the worker, a test or the virtual clock): they share one worker id.
    private readonly SemaphoreSlim _jobTurn = new(1, 1);

    /// <summary>
    /// Runs the handlers of due service-task jobs, each outside any transaction, then commits its result as one
    /// step. A job is locked before its handler runs (jobs this engine created are locked as they are written), so
    /// several hosts can share one database. Returns how many jobs were run.
    /// </summary>
    public async Task<int> ExecuteDueJobsAsync(int maxJobs = 20, CancellationToken ct = default)
    {
        await _jobTurn.WaitAsync(ct);
        try
        {
            return await RunDueJobsAsync(maxJobs, ct);
        }
        finally
        {
            _jobTurn.Release();
        }
    }

    private async Task<int> RunDueJobsAsync(int maxJobs, CancellationToken ct)
    {
        var ran = 0;
        while (ran < maxJobs)
        {
            if (_heldJobs.TryDequeue(out var held))
            {
                // Still ours unless the case was cancelled or moved on, or our lock expired and another worker took it;
                // the case's version is read again, as a migration may have moved the case since the job was queued.
                var version = await TransactAsync(session => HeldJobVersionAsync(session, held.JobId, ct), ct);
                if (version is null) continue;
                await RunJobAsync(held with { DefinitionId = version }, ct);
            }
            else if (await TransactAsync(session => LockDueJobAsync(session, ct), ct) is { } due)
            {
                await RunJobAsync(due, ct);
            }
            else
            {
                break;
            }
            ran++;
        }
        return ran;
    }

    /// <summary>Locks the most overdue free job and reads what its handler needs; null when no job is due.</summary>
    private async Task<ServiceTaskContext?> LockDueJobAsync(StepSession session, CancellationToken ct)
    {
        while (true)
        {
            var now = Now;
            var job = await JobStore.LockNextDueAsync(session, _workerId, now, now + _options.JobLockDuration, ct);
            if (job is null) return null;
            var document = await StepReader.StateAsync(session, job.InstanceId, ct);
            var state = document is null ? null : StateSerializer.Read(document);
            var token = state?.Tokens.FirstOrDefault(t => t.Id == job.TokenId && t.WaitId == job.Id);
            if (token is null)
            {
                // The instance was cancelled or moved on without closing the job: drop it.
                await JobStore.DeleteAsync(session, job.Id, ct);
                continue;
            }
            return new ServiceTaskContext(job.Id, job.InstanceId, state!.DefinitionId, state.BusinessKey, job.ElementId, job.Topic,
                job.Attempts + 1, state.VisibleVariables(token.ScopeId));
        }
    }

    private async Task RunJobAsync(ServiceTaskContext context, CancellationToken ct)
    {
        IReadOnlyDictionary<string, object?>? output;
        try
        {
            output = _handlers.TryGetValue(context.Topic, out var handler)
                ? await handler.HandleAsync(await WithInputsAsync(context, ct), ct)
                : throw new InvalidOperationException($"没有为主题 “{context.Topic}” 注册处理程序");
        }
        catch (BpmnError error)
        {
            await ThrowJobErrorAsync(context, error, ct);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordJobFailureAsync(context, ex.Message, ct);
            return;
        }
        await CompleteJobAsync(context, VariableValues.FromMap(output), ct);
    }

    /// <summary>The context with the task's input parameters worked out over the case's variables (they win over same-named ones).</summary>
    private async Task<ServiceTaskContext> WithInputsAsync(ServiceTaskContext context, CancellationToken ct)
    {
        if ((await Queries.GetModelAsync(context.DefinitionId, ct)).Node(context.ElementId) is not ServiceTaskNode { Inputs.Count: > 0 } node) return context;
        var variables = new Dictionary<string, JsonNode?>(context.Variables);
        foreach (var input in node.Inputs) variables[input.Name] = _services.Expressions.Evaluate(input.Value, context.Variables);
        return context with { Variables = variables };
    }

    private async Task CompleteJobAsync(ServiceTaskContext context, Dictionary<string, JsonNode?> output, CancellationToken ct)
    {
        await TransactAsync(async session =>
        {
            if (!await StillOursAsync(session, context.JobId, ct)) return false; // cancelled or taken over meanwhile
            var (row, step) = await LoadStepAsync(session, context.InstanceId, ct);
            step.CompleteJob(context.JobId, output);
            await SaveAsync(session, row, step, null, isNew: false, ct);
            return true;
        }, ct);
    }

    /// <summary>The version the job's case runs on now, if the job is still locked by this worker; else null.</summary>
    private Task<string?> HeldJobVersionAsync(StepSession session, Guid jobId, CancellationToken ct) =>
        JobStore.HeldVersionAsync(session, jobId, _workerId, Now, ct);

    /// <summary>Whether this worker still holds the job's lock and it has not expired (else another worker may run it).</summary>
    private Task<bool> StillOursAsync(StepSession session, Guid jobId, CancellationToken ct) => JobStore.IsHeldAsync(session, jobId, _workerId, Now, ct);
}
