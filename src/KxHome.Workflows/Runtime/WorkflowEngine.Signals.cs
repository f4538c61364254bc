using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Broadcasts a signal: every case waiting for it (a signal catch or boundary event) moves on, each case in a
    /// transaction of its own, and each flow with a signal start event of that name starts a new case. Reaching
    /// nothing is not an error: a signal is not addressed to anyone.
    /// </summary>
    public async Task<CorrelationResult> BroadcastSignalAsync(string signalName, IReadOnlyDictionary<string, object?>? variables = null,
        string? userId = null, CancellationToken ct = default)
    {
        var values = VariableValues.FromMap(variables);
        var reached = await TransactAsync(session => MessageStore.SignalledAsync(session, signalName.Trim(), ct), ct);
        var delivered = new List<Guid>();
        var started = new List<Guid>();
        foreach (var group in reached.GroupBy(s => s.InstanceId))
        {
            foreach (var part in group.Key is null ? group.Select(s => new[] { s }) : [group.ToArray()])
            {
                var result = await TransactAsync(session => SignalAsync(session, part, values, userId, ct), ct);
                delivered.AddRange(result.InstanceIds);
                started.AddRange(result.StartedInstanceIds);
            }
        }
        return new CorrelationResult(delivered, started);
    }

    /// <summary>How many signals thrown by signalled cases one transaction follows before it is taken for a loop.</summary>
    private const int MaxSignalDepth = 32;

    /// <summary>
    /// The signals a step threw reach every subscription in the same transaction as the step. A signal that keeps
    /// reaching cases that throw it again (a loop a designer drew by mistake) is refused whole, and nothing is saved.
    /// </summary>
    private async Task BroadcastThrownAsync(StepSession session, IReadOnlyList<string> signals, string? userId, CancellationToken ct)
    {
        if (++session.SignalDepth > MaxSignalDepth)
        {
            throw new WorkflowException("signal-loop", $"信号 “{signals[0]}” 在一次办理中连续触发超过 {MaxSignalDepth} 层，流程中可能有信号循环，已全部撤销");
        }
        foreach (var signal in signals)
        {
            await SignalAsync(session, await MessageStore.SignalledAsync(session, signal, ct), [], userId, ct);
        }
        session.SignalDepth--;
    }

    private async Task<CorrelationResult> SignalAsync(StepSession session, IReadOnlyList<MessageSubscriptionRow> subscriptions,
        Dictionary<string, JsonNode?> variables, string? userId, CancellationToken ct)
    {
        var delivered = new List<Guid>();
        var started = new List<Guid>();
        foreach (var group in subscriptions.GroupBy(s => s.InstanceId))
        {
            if (group.Key is not { } instanceId)
            {
                foreach (var start in group)
                {
                    if (await StepReader.DefinitionAsync(session, start.DefinitionKey, null, ct) is not { } definition) continue;
                    var model = await _definitions.GetAsync(session, definition.Id, ct);
                    started.Add((await CreateInstanceAsync(session, definition, model, variables, null, userId, start.ElementId, ct)).Id);
                }
                continue;
            }
            if (await StepReader.InstanceHeaderAsync(session, instanceId, ct) is not { Status: InstanceStatus.Active }) continue;
            var (row, step) = await LoadStepAsync(session, instanceId, ct);
            var moved = false;
            foreach (var subscription in group) moved |= step.DeliverMessage(subscription.Id, variables, userId);
            if (!moved) continue;
            await SaveAsync(session, row, step, userId, isNew: false, ct);
            delivered.Add(instanceId);
        }
        return new CorrelationResult(delivered, started);
    }

    /// <summary>Opens the signal start events of a newly deployed version (the versions before it closed theirs with their message starts).</summary>
    private async Task SubscribeStartSignalsAsync(StepSession session, DefinitionRow definition, ProcessModel model, CancellationToken ct)
    {
        foreach (var start in model.Root.Nodes.OfType<SignalNode>().Where(n => n.Kind == FlowNodeKind.SignalStartEvent))
        {
            var subscription = new Execution.NewSubscription(Guid.CreateVersion7(), null, start.Id, start.SignalName, Signal: true);
            await MessageStore.InsertAsync(session, subscription, null, definition.Id, definition.Key, null, Now, ct);
        }
    }
}
