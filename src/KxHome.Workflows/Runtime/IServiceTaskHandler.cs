using System.Text.Json.Nodes;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// Does the work of external service tasks with one topic. It runs after the step that reached the task has
/// committed, outside any transaction; a throw is retried per the topic's <see cref="RetryPolicy"/>, then
/// becomes an incident. Handlers may run more than once for one job: use <see cref="ServiceTaskContext.JobId"/>
/// as an idempotency key for outside effects.
/// </summary>
public interface IServiceTaskHandler
{
    /// <summary>The <c>camunda:topic</c> this handler serves.</summary>
    string Topic { get; }

    /// <summary>Does the work; returns variables to set on the instance, or null.</summary>
    Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>What a handler knows about the task it works on; <paramref name="DefinitionId"/> is the version the case runs on.</summary>
public sealed record ServiceTaskContext(
    Guid JobId, Guid InstanceId, string DefinitionId, string? BusinessKey, string ElementId, string Topic, int Attempt,
    IReadOnlyDictionary<string, JsonNode?> Variables);
