using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.Storage.SQLite;

// The Hangfire peer of the `timers.*` figures (TimerBenchmark.cs): the same workload on Hangfire with
// Hangfire.Storage.SQLite. Args: `<timers> <due>`. Prints only `name: value` lines; Hangfire logs nothing unless a
// log provider is configured, and none is.
var timers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var dueCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;

var pending = TempFile("timers");
try
{
    // One caller scheduling one job at a time, as a request handler would (no parallel clients).
    double schedule;
    using (var storage = new SQLiteStorage(pending))
    {
        var client = new BackgroundJobClient(storage);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < timers; i++) client.Schedule(() => PeerJobs.Nothing(), TimeSpan.FromDays(365));
        schedule = watch.Elapsed.TotalSeconds;
    }
    GC.Collect();

    // Start-up with the jobs pending: a new storage and server on the same file. "Started" means the server has
    // announced itself (the monitoring API lists it); its workers and delayed-job scheduler start right after.
    var started = Stopwatch.StartNew();
    using (var storage = new SQLiteStorage(pending))
    using (new BackgroundJobServer(new BackgroundJobServerOptions(), storage))
    {
        var monitoring = storage.GetMonitoringApi();
        while (monitoring.Servers().Count == 0) Thread.Sleep(10);
        var startup = started.Elapsed.TotalSeconds;
        Line("peer.hangfire_schedule_100k_s", schedule, "0.00");
        Line("peer.hangfire_startup_100k_s", startup, "0.00");
        Line("peer.hangfire_rss_100k_mb", Process.GetCurrentProcess().WorkingSet64 / 1048576.0, "0.0");
    }
}
finally
{
    Delete(pending);
}

var late = TempFile("lateness");
try
{
    // Both polls at 1 s instead of Hangfire's 15 s defaults: the delayed-job scheduler's (SchedulePollingInterval)
    // and the SQLite queue's (QueuePollInterval, how often an idle worker looks for enqueued jobs); with the
    // defaults the figure would mostly be those 15 s.
    using var storage = new SQLiteStorage(late, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
    using var server = new BackgroundJobServer(new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromSeconds(1) }, storage);
    var client = new BackgroundJobClient(storage);
    var first = DateTimeOffset.UtcNow.AddSeconds(20);
    var due = Enumerable.Range(0, dueCount).Select(i => first.AddMilliseconds(60_000.0 * i / dueCount)).ToList();
    for (var i = 0; i < due.Count; i++)
    {
        var index = i;
        client.Schedule(() => PeerJobs.Fire(index), due[i]);
    }
    var deadline = DateTimeOffset.UtcNow.AddMinutes(4);
    while (PeerJobs.Started.Count < dueCount && DateTimeOffset.UtcNow < deadline) Thread.Sleep(500); // until every job has run
    var lateness = due.Select((d, i) => PeerJobs.Started.TryGetValue(i, out var at) ? (at - d).TotalMilliseconds : double.PositiveInfinity)
        .Order().ToList();
    Line("peer.hangfire_lateness_p50_ms", Percentile(lateness, 0.50), "0");
    Line("peer.hangfire_lateness_p99_ms", Percentile(lateness, 0.99), "0");
}
finally
{
    Delete(late);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static void Line(string name, double value, string format) =>
    Console.WriteLine($"{name}: {value.ToString(format, CultureInfo.InvariantCulture)}");

static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"kxhome-hangfire-{name}-{Guid.NewGuid():N}.db");

static void Delete(string file)
{
    foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(file + suffix);
}

/// <summary>The jobs Hangfire runs; Hangfire runs only public methods; static ones need no activator.</summary>
public static class PeerJobs
{
    /// <summary>When each lateness job started running, by its index.</summary>
    public static readonly ConcurrentDictionary<int, DateTimeOffset> Started = new();

    public static void Nothing()
    {
    }

    public static void Fire(int index) => Started.TryAdd(index, DateTimeOffset.UtcNow);
}
