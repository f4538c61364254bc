using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
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
            if (group.Key is { } instanceId)
            {
                if (await DeliverAsync(session, instanceId, group.Select(s => s.Id), variables, userId, ct)) delivered.Add(instanceId);
                continue;
            }
            foreach (var start in group)
            {
                if (await StartAtAsync(session, start, variables, null, userId, ct) is { } id) started.Add(id);
            }
        }
        return new CorrelationResult(delivered, started);
    }
}
