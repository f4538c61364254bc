using System.Diagnostics;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Runtime;
using KxHome.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Benchmarks;

/// <summary>The reference flow driven to its end: submit, review (approved), the record job.</summary>
internal static class EngineBenchmark
{
    public const int StepsPerInstance = 4; // start, complete submit, complete review, finish the job

    /// <summary>
    /// An engine on a fresh SQLite file (dispose deletes it), or on the PostgreSQL database given, with the flow deployed
    /// and warmed up. Several on one PostgreSQL database are several hosts: each writes through a connection of its own.
    /// </summary>
    public sealed class Persisted : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly string? _file;
        private int _next;

        private Persisted(ServiceProvider provider, string? file, WorkflowEngine engine)
        {
            _provider = provider;
            _file = file;
            Engine = engine;
        }

        public WorkflowEngine Engine { get; }

        public static async Task<Persisted> StartAsync(string flow, string? postgres = null)
        {
            var file = postgres is null ? Path.Combine(Path.GetTempPath(), $"kxhome-bench-{Guid.NewGuid():N}.db") : null;
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Workflows:Provider"] = postgres is null ? "Sqlite" : "Postgres",
                    ["Workflows:ConnectionString"] = postgres ?? $"Data Source={file}",
                })
                .Build();
            var services = new ServiceCollection().AddLogging();
            services.AddKxWorkflows(configuration).AddServiceTaskHandler<RecordHandler>();
            var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<WorkflowDatabase>().MigrateAsync();
            var engine = provider.GetRequiredService<WorkflowEngine>();
            await engine.DeployAsync(flow); // the same XML again changes nothing: a second host deploys harmlessly
            var persisted = new Persisted(provider, file, engine);
            // Warm up until tiered compilation has settled: on two cores its background thread otherwise competes with
            // the first measured rounds.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(8)) await persisted.StepsPerSecondAsync(100);
            return persisted;
        }

        /// <summary>Drives that many instances to their end; returns steps per second.</summary>
        public async Task<double> StepsPerSecondAsync(int instances)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < instances; i++) await DriveAsync(Engine, $"B-{_next++}");
            return instances * StepsPerInstance / watch.Elapsed.TotalSeconds;
        }

        /// <summary>
        /// Pages a step writes to the log, on average over that many instances: the log is emptied first and holds
        /// fewer pages than a checkpoint waits for, so its length counts them. Unlike time, it does not vary by machine.
        /// </summary>
        public async Task<double> LogPagesPerStepAsync(int instances)
        {
            await using var connection = new SqliteConnection($"Data Source={_file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "PRAGMA page_size";
            var pageSize = Convert.ToInt64(await command.ExecuteScalarAsync());
            for (var i = 0; i < instances; i++) await DriveAsync(Engine, $"B-{_next++}");
            const int logHeader = 32, frameHeader = 24;
            var frames = (new FileInfo(_file + "-wal").Length - logHeader) / (pageSize + frameHeader);
            return (double)frames / (instances * StepsPerInstance);
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            if (_file is null) return;
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        }
    }

    /// <summary>
    /// One case to its end. Alone on its engine, the record job it makes is the one job run; beside other people on
    /// the same engine (<paramref name="alone"/> false) it may run theirs or they its, which the caller drains after.
    /// </summary>
    public static async Task DriveAsync(WorkflowEngine engine, string businessKey, bool alone = true)
    {
        var instance = await engine.StartAsync(new StartRequest("approval") { BusinessKey = businessKey, StartedBy = "applicant" });
        var submitted = await engine.CompleteTaskAsync(instance.ActiveElements[0].TaskId!.Value, "applicant",
            new Dictionary<string, object?> { ["homeName"] = "之家" });
        await engine.CompleteTaskAsync(submitted.OpenedTasks.Single().Id, "district", new Dictionary<string, object?> { ["approved"] = true });
        var ran = await engine.ExecuteDueJobsAsync();
        if (alone && ran != 1) throw new InvalidOperationException("the record job did not run");
    }

    public static double InMemoryInstancesPerSecond(string xml, int instances)
    {
        var model = new BpmnParser().Parse(xml).Processes.Single();
        var services = new StepServices(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), new JintExpressionEvaluator(),
            new WorkCalendar(null));
        var approved = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["approved"] = true };
        for (var i = 0; i < 500; i++) RunOnce(model, services, approved);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++) RunOnce(model, services, approved);
        return instances / watch.Elapsed.TotalSeconds;
    }

    private static void RunOnce(KxHome.Workflows.Model.ProcessModel model, StepServices services,
        Dictionary<string, System.Text.Json.Nodes.JsonNode?> approved)
    {
        var state = Step.NewInstance(Guid.NewGuid(), "approval:1", null);
        var start = new Step(model, state, services);
        start.Start(new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), "applicant");
        var submit = new Step(model, state, services);
        submit.CompleteUserTask(start.NewTasks.First().Id, "applicant", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), null);
        var review = new Step(model, state, services);
        review.CompleteUserTask(submit.NewTasks.First().Id, "district", approved, null);
        new Step(model, state, services).CompleteJob(review.NewJobs.First().Id, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        if (state.Status != InstanceStatus.Completed) throw new InvalidOperationException("the in-memory run did not end");
    }

    private sealed class RecordHandler : IServiceTaskHandler
    {
        public string Topic => "approval.record";

        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }
}
