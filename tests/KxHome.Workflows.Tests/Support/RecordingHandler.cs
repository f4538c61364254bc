using System.Collections.Concurrent;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Tests.Support;

/// <summary>A real handler for tests: records each call, fails the first <see cref="FailTimes"/> calls, returns <see cref="Output"/>.</summary>
public sealed class RecordingHandler(string topic) : IServiceTaskHandler
{
    public string Topic { get; } = topic;
    public int FailTimes { get; set; }
    public IReadOnlyDictionary<string, object?>? Output { get; set; }
    public ConcurrentQueue<ServiceTaskContext> Calls { get; } = new();

    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(context);
        if (Calls.Count <= FailTimes) throw new InvalidOperationException($"外部系统不可用（第 {Calls.Count} 次）");
        return Task.FromResult(Output);
    }
}
