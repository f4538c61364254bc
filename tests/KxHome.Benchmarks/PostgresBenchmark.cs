using System.Diagnostics;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Benchmarks;

/// <summary>
/// The engine on PostgreSQL, one host against two on the same database. A host is an engine of its own, writing through
/// a connection of its own as a host process does; the same four people drive cases in both set-ups (all on the one
/// host, or two on each), and rounds alternate so drift hits both alike. On one machine the hosts, the people and the
/// server share the cores, so the figure says what a second host costs, not what a second machine adds.
/// </summary>
internal static class PostgresBenchmark
{
    private const int People = 4;

    public sealed record Figures(double OneHost, double TwoHosts, double TwoVsOne);

    public static async Task<Figures> RunAsync(string flow, int instancesPerRound, int rounds)
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.NewDatabaseAsync();
        await using var first = await EngineBenchmark.Persisted.StartAsync(flow, database);
        await using var second = await EngineBenchmark.Persisted.StartAsync(flow, database);
        var (one, two) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            one.Add(await StepsPerSecondAsync([first], instancesPerRound));
            two.Add(await StepsPerSecondAsync([first, second], instancesPerRound));
        }
        return new Figures(Report.Median(one), Report.Median(two), Report.Median(two.Zip(one, (t, o) => t / o)));
    }

    private static async Task<double> StepsPerSecondAsync(IReadOnlyList<EngineBenchmark.Persisted> hosts, int instances)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, People).Select(person => Task.Run(async () =>
        {
            var engine = hosts[person % hosts.Count].Engine;
            while (Interlocked.Increment(ref next) < instances) await EngineBenchmark.DriveAsync(engine, $"PG-{Guid.NewGuid():N}", alone: false);
        })));
        foreach (var host in hosts)
        {
            while (await host.Engine.ExecuteDueJobsAsync() > 0) { } // the record jobs another person's call left
        }
        return instances * EngineBenchmark.StepsPerInstance / watch.Elapsed.TotalSeconds;
    }
}
