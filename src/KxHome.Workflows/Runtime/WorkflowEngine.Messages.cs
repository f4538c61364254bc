using System.Text.Json.Nodes;
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
                if (await DeliverAsync(session, instanceId, ids, variables, request.UserId, ct)) delivered.Add(instanceId);
            }
            var started = new List<Guid>();
            foreach (var start in starts)
            {
                if (await StartAtAsync(session, start, variables, request.BusinessKey, request.UserId, ct) is { } id) started.Add(id);
            }
            return new CorrelationResult(delivered, started);
        }, ct);
    }

    /// <summary>
    /// Delivers a message or signal to one case's subscriptions in one step. Loaded only now: delivering to an earlier
    /// match may have moved this case on (a caller and its called case). False when it has ended or waits on none of them.
    /// </summary>
    private async Task<bool> DeliverAsync(StepSession session, Guid instanceId, IEnumerable<Guid> subscriptionIds,
        Dictionary<string, JsonNode?> variables, string? userId, CancellationToken ct)
    {
        if (await StepReader.InstanceHeaderAsync(session, instanceId, ct) is not { Status: InstanceStatus.Active }) return false;
        var (row, step) = await LoadStepAsync(session, instanceId, ct);
        var moved = false;
        foreach (var id in subscriptionIds) moved |= step.DeliverMessage(id, variables, userId);
        if (!moved) return false;
        await SaveAsync(session, row, step, userId, isNew: false, ct);
        return true;
    }

    /// <summary>Starts a case at a message or signal start event; null when its flow is no longer deployed.</summary>
    private async Task<Guid?> StartAtAsync(StepSession session, MessageSubscriptionRow start, Dictionary<string, JsonNode?> variables,
        string? businessKey, string? userId, CancellationToken ct)
    {
        if (await StepReader.DefinitionAsync(session, start.DefinitionKey, null, ct) is not { } definition) return null;
        var model = await _definitions.GetAsync(session, definition.Id, ct);
        return (await CreateInstanceAsync(session, definition, model, variables, businessKey, userId, start.ElementId, ct)).Id;
    }

    /// <summary>Opens the message and signal start events of a newly deployed version, replacing those of the versions before it.</summary>
    private async Task SubscribeStartEventsAsync(StepSession session, DefinitionRow definition, ProcessModel model, CancellationToken ct)
    {
        await MessageStore.DeleteStartSubscriptionsAsync(session, definition.Key, ct);
        foreach (var start in model.Root.Nodes.Where(n => n is MessageStartNode or SignalNode { Kind: FlowNodeKind.SignalStartEvent }))
        {
            await MessageStore.InsertAsync(session, NewSubscription.For(start, tokenId: null, Now), null, definition.Id, definition.Key, null, Now, ct);
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
