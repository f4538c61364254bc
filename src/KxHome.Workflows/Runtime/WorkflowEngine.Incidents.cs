using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// Incidents: an administrator retries the element that stopped, or resolves it by hand.
public sealed partial class WorkflowEngine
{
    /// <summary>Runs the element again (after its data was fixed), or chooses its outgoing flows again.</summary>
    public Task RetryIncidentAsync(Guid incidentId, string? userId, CancellationToken ct = default) =>
        TransactAsync(async session =>
        {
            var incident = await OpenIncidentAsync(session, incidentId, ct);
            if (incident.Kind == TimerFailedIncident) await RetryTimerIncidentAsync(session, incident, userId, ct);
            else await RunAsync(session, incident.InstanceId, userId, step => step.RetryIncident(incidentId, userId), ct);
            return true;
        }, ct);

    /// <summary>
    /// Declares the work of a failed service task done by hand: the token leaves the task with the given variables.
    /// Other incidents must be retried once their data is fixed.
    /// </summary>
    public Task ResolveIncidentAsync(Guid incidentId, string? userId, IReadOnlyDictionary<string, object?>? variables,
        string? comment, CancellationToken ct = default) =>
        RunIncidentStepAsync(incidentId, userId, step =>
        {
            var token = step.State.Tokens.FirstOrDefault(t => t.IncidentId == incidentId)
                ?? throw new WorkflowConflictException("incident-closed", "该异常已处理");
            if (token.WaitKind != WaitKind.Job)
            {
                throw new WorkflowException("incident-needs-retry", "此类异常不能直接跳过，请修正数据后重试");
            }
            step.CompleteJob(token.WaitId!.Value, VariableValues.FromMap(variables), userId, comment);
        }, ct);

    private async Task RunIncidentStepAsync(Guid incidentId, string? userId, Action<Step> act, CancellationToken ct)
    {
        await TransactAsync(async session =>
        {
            var incident = await OpenIncidentAsync(session, incidentId, ct);
            if (incident.Kind == TimerFailedIncident)
                throw new WorkflowException("incident-needs-retry", "期限事件触发失败的异常不能直接跳过，请排除原因后重试");
            return await RunAsync(session, incident.InstanceId, userId, act, ct);
        }, ct);
    }

    private static async Task<IncidentRow> OpenIncidentAsync(StepSession session, Guid incidentId, CancellationToken ct)
    {
        var incident = await StepReader.IncidentAsync(session, incidentId, ct)
            ?? throw new WorkflowNotFoundException("incident-not-found", "异常不存在");
        return incident.ResolvedAt is null ? incident : throw new WorkflowConflictException("incident-closed", "该异常已处理");
    }
}
