using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Delivers a message by name to what waits for it: a token at a message catch event or receive task, a message
    /// boundary event, or a message start event (which starts a new instance). Narrow it down by instance, business
    /// key or correlation variables. Exactly one match is expected unless <see cref="MessageCorrelation.All"/> is set;
    /// none, or several, is refused with a clear error and nothing changes.
    /// </summary>
    public async Task<CorrelationResult> CorrelateMessageAsync(MessageCorrelation request, CancellationToken ct = default)
    {
        var variables = VariableValues.FromMap(request.Variables);
        var keys = VariableValues.FromMap(request.CorrelationKeys);
        return await TransactAsync(async session =>
        {
            var subscriptions = await MessageStore.ReachedByAsync(session, request.MessageName.Trim(), request.InstanceId, request.BusinessKey, ct);
            var starts = request.InstanceId is null && keys.Count == 0 ? subscriptions.Where(s => s.InstanceId is null).ToList() : [];
            var waiting = new List<(Guid InstanceId, List<Guid> Subscriptions)>();
            foreach (var group in subscriptions.Where(s => s.InstanceId is not null).GroupBy(s => s.InstanceId!.Value))
            {
                if (await StepReader.InstanceHeaderAsync(session, group.Key, ct) is not { Status: InstanceStatus.Active }) continue;
                var own = keys.Count == 0 ? null : StateSerializer.Read((await StepReader.StateAsync(session, group.Key, ct))!).Root.Variables;
                if (keys.All(k => VariableValues.AreEqual(own!.GetValueOrDefault(k.Key), k.Value)))
                {
                    waiting.Add((group.Key, group.Select(s => s.Id).ToList()));
                }
            }
            var matches = waiting.Sum(w => w.Subscriptions.Count) + starts.Count;
            if (matches == 0)
            {
                throw new WorkflowNotFoundException("message-not-correlated", $"没有流程在等待消息 “{request.MessageName}”{Describe(request)}");
            }
            if (matches > 1 && !request.All)
            {
                throw new WorkflowConflictException("message-ambiguous",
                    $"消息 “{request.MessageName}”{Describe(request)} 同时匹配到 {matches} 处等待，请用业务编号、实例或关联变量指定一处");
            }
            var delivered = new List<Guid>();
            foreach (var (instanceId, ids) in waiting)
            {
                // Loaded only now: delivering to an earlier match may have moved this one on (a caller and its called case).
                if (await StepReader.InstanceHeaderAsync(session, instanceId, ct) is not { Status: InstanceStatus.Active }) continue;
                var (row, step) = await LoadStepAsync(session, instanceId, ct);
                var moved = false;
                foreach (var id in ids) moved |= step.DeliverMessage(id, variables, request.UserId);
                if (!moved) continue;
                await SaveAsync(session, row, step, request.UserId, isNew: false, ct);
                delivered.Add(instanceId);
            }
            var started = new List<Guid>();
            foreach (var start in starts)
            {
                var definition = await StepReader.DefinitionAsync(session, start.DefinitionKey, null, ct);
                if (definition is null) continue;
                var model = await _definitions.GetAsync(session, definition.Id, ct);
                var view = await CreateInstanceAsync(session, definition, model, variables, request.BusinessKey, request.UserId, start.ElementId, ct);
                started.Add(view.Id);
            }
            return new CorrelationResult(delivered, started);
        }, ct);
    }

    /// <summary>Opens the message start events of a newly deployed version, replacing those of the versions before it.</summary>
    private async Task SubscribeStartMessagesAsync(StepSession session, DefinitionRow definition, ProcessModel model, CancellationToken ct)
    {
        await MessageStore.DeleteStartSubscriptionsAsync(session, definition.Key, ct);
        foreach (var start in model.Root.Nodes.OfType<MessageStartNode>())
        {
            var subscription = new NewSubscription(Guid.CreateVersion7(), null, start.Id, start.MessageName);
            await MessageStore.InsertAsync(session, subscription, null, definition.Id, definition.Key, null, Now, ct);
        }
    }

    private static string Describe(MessageCorrelation request)
    {
        var parts = new List<string>();
        if (request.BusinessKey is { } businessKey) parts.Add($"业务编号 {businessKey}");
        if (request.InstanceId is { } instanceId) parts.Add($"实例 {instanceId}");
        if (request.CorrelationKeys is { Count: > 0 } keys) parts.Add(string.Join("、", keys.Select(k => $"{k.Key}={k.Value}")));
        return parts.Count == 0 ? "" : $"（{string.Join("，", parts)}）";
    }
}
