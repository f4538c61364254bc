using System.Diagnostics;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KxHome.Benchmarks;

/// <summary>
/// Pending timers at scale (a rectification deadline for each of 100,000 homes) and lateness on the real clock
/// (1,000 timers falling due in the same minute, fired by Quartz).
/// </summary>
internal static class TimerBenchmark
{
    private const string Rectification = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="bench">
          <process id="rectification" isExecutable="true">
            <startEvent id="start" /><userTask id="rectify" camunda:candidateGroups="applicant" />
            <boundaryEvent id="window" attachedToRef="rectify"><timerEventDefinition><timeDuration>P1Y</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="done" /><endEvent id="revoked" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="rectify" /><sequenceFlow id="f2" sourceRef="rectify" targetRef="done" />
            <sequenceFlow id="f3" sourceRef="window" targetRef="revoked" />
          </process>
        </definitions>
        """;

    private const string Reminder = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="bench">
          <process id="reminder" isExecutable="true">
            <startEvent id="start" />
            <intermediateCatchEvent id="due"><timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="due" /><sequenceFlow id="f2" sourceRef="due" targetRef="end" />
          </process>
        </definitions>
        """;

    public sealed record Scale(double ScheduleSeconds, double StartupSeconds, double RssMb);

    /// <summary>Creates the timers, then starts a host on them and measures start-up and memory.</summary>
    public static async Task<Scale> PendingAsync(int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-timers-{Guid.NewGuid():N}.db");
        try
        {
            double schedule;
            await using (var provider = Services(file).BuildServiceProvider())
            {
                await provider.GetRequiredService<WorkflowDatabase>().MigrateAsync();
                var engine = provider.GetRequiredService<WorkflowEngine>();
                await engine.DeployAsync(Rectification);
                var requests = Enumerable.Range(0, count).Select(i => new StartRequest("rectification") { BusinessKey = $"HOME-{i}" }).ToList();
                var watch = Stopwatch.StartNew();
                await engine.StartManyAsync(requests);
                schedule = watch.Elapsed.TotalSeconds;
            }
            SqliteConnection.ClearAllPools();
            GC.Collect();
            var started = Stopwatch.StartNew();
            using var host = Host(file);
            await host.Services.GetRequiredService<WorkflowDatabase>().MigrateAsync();
            await host.StartAsync();
            var startup = started.Elapsed.TotalSeconds;
            var rss = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
            await host.StopAsync();
            return new Scale(schedule, startup, rss);
        }
        finally
        {
            Delete(file);
        }
    }

    /// <summary>Lateness (ms) from each due time to its committed firing step, for timers spread over one minute.</summary>
    public static async Task<(double P50, double P99)> LatenessAsync(int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-lateness-{Guid.NewGuid():N}.db");
        try
        {
            using var host = Host(file);
            await host.Services.GetRequiredService<WorkflowDatabase>().MigrateAsync();
            await host.StartAsync();
            var engine = host.Services.GetRequiredService<WorkflowEngine>();
            await engine.DeployAsync(Reminder);
            var real = TimeProvider.System; // lateness is measured on the real clock
            var first = real.GetUtcNow().UtcDateTime.AddSeconds(20);
            var due = Enumerable.Range(0, count).Select(i => first.AddMilliseconds(60_000.0 * i / count)).ToList();
            var ids = await engine.StartManyAsync(due.Select(d => new StartRequest("reminder")
            {
                Variables = new Dictionary<string, object?> { ["dueAt"] = VariableValues.FormatDateTime(d) },
            }).ToList());
            var deadline = real.GetUtcNow().AddMinutes(4);
            while ((await engine.Queries.QueryTimersAsync(new TimerQuery { Take = 1 })).Count > 0 && real.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), real); // until every timer has fired
            }
            var lateness = new List<double>(count);
            for (var i = 0; i < ids.Count; i++)
            {
                var fired = (await engine.Queries.GetInstanceAsync(ids[i])).History.FirstOrDefault(h => h.Kind == HistoryKind.TimerFired);
                lateness.Add(fired is null ? double.PositiveInfinity : (fired.At - due[i]).TotalMilliseconds);
            }
            await host.StopAsync();
            lateness.Sort();
            return (Percentile(lateness, 0.50), Percentile(lateness, 0.99));
        }
        finally
        {
            Delete(file);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static IServiceCollection Services(string file)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKxWorkflows(Configuration(file));
        return services;
    }

    private static IHost Host(string file)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(Configuration(file));
        builder.Services.AddKxWorkflows(builder.Configuration);
        return builder.Build();
    }

    private static IConfiguration Configuration(string file) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:ConnectionString"] = $"Data Source={file}",
            ["Workflows:SchedulerConnectionString"] = $"Data Source={file}.scheduler",
            ["Workflows:JobPollInterval"] = "01:00:00", // only Quartz fires timers here
            ["Logging:LogLevel:Default"] = "Warning",
        })
        .Build();

    private static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".scheduler", ".scheduler-wal", ".scheduler-shm" }) File.Delete(file + suffix);
    }
}
