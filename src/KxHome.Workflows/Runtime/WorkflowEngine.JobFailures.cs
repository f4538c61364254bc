using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// A handler that failed or threw a BPMN error: retry with back-off, an incident, or a boundary event.
public sealed partial class WorkflowEngine
{
    /// <summary>The handler threw a BPMN error: a boundary event takes over, or the task stops with an incident (not retried).</summary>
    private async Task ThrowJobErrorAsync(ServiceTaskContext context, BpmnError error, CancellationToken ct)
    {
        await TransactAsync(async session =>
        {
            if (!await StillOursAsync(session, context.JobId, ct)) return false;
            var (row, step) = await LoadStepAsync(session, context.InstanceId, ct);
            step.ThrowJobError(context.JobId, error.Code, error.Message == error.Code ? null : error.Message);
            if (step.NewIncidents.FirstOrDefault(i => i.ElementId == context.ElementId) is { } incident)
            {
                await JobStore.RecordFailureAsync(session, context.JobId, context.Attempt, incident.Message, null, incident.Id, ct);
            }
            await SaveAsync(session, row, step, null, isNew: false, ct);
            return true;
        }, ct);
    }

    private async Task RecordJobFailureAsync(ServiceTaskContext context, string error, CancellationToken ct)
    {
        var policy = _options.RetryFor(context.Topic);
        await TransactAsync(async session =>
        {
            if (!await StillOursAsync(session, context.JobId, ct)) return false;
            var (row, step) = await LoadStepAsync(session, context.InstanceId, ct);
            var node = step.Model.Node(context.ElementId);
            DateTime? retryAt = null;
            Guid? incidentId = null;
            if (context.Attempt < policy.Attempts)
            {
                retryAt = Now + policy.BackoffAfter(context.Attempt);
                step.Record(HistoryKind.JobFailed, node, comment: error,
                    data: new JsonObject { ["attempt"] = context.Attempt, ["retryAt"] = VariableValues.FormatDateTime(retryAt.Value) });
            }
            else
            {
                step.FailJob(context.JobId, $"处理程序失败 {context.Attempt} 次：{error}");
                incidentId = step.NewIncidents[^1].Id;
            }
            await JobStore.RecordFailureAsync(session, context.JobId, context.Attempt, error, retryAt, incidentId, ct);
            await SaveAsync(session, row, step, null, isNew: false, ct);
            return true;
        }, ct);
    }
}
