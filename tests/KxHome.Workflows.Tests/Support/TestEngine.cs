using KxHome.Workflows;
using KxHome.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Support;

/// <summary>A real engine on a fresh SQLite file, with a virtual clock; the file is deleted afterwards.</summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestEngine(ServiceProvider services, string file, VirtualClock clock)
    {
        _services = services;
        File = file;
        Clock = clock;
        Engine = services.GetRequiredService<WorkflowEngine>();
    }

    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 09:00 in Beijing

    public WorkflowEngine Engine { get; }
    public VirtualClock Clock { get; }
    public string File { get; }
    public string ConnectionString => $"Data Source={File}";

    public static async Task<TestEngine> StartAsync(params IServiceTaskHandler[] handlers) =>
        await StartAsync(new Dictionary<string, string?>(), handlers);

    public static async Task<TestEngine> StartAsync(IDictionary<string, string?> settings, params IServiceTaskHandler[] handlers)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-test-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Workflows:ConnectionString"] = $"Data Source={file}",
                ["Workflows:SchedulerConnectionString"] = $"Data Source={file}.scheduler",
                ["Workflows:CalendarFolder"] = Path.Combine(RepositoryPaths.Workflows, "calendars"),
            })
            .AddInMemoryCollection(settings)
            .Build();
        var clock = new VirtualClock(Epoch);
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddKxWorkflows(configuration);
        foreach (var handler in handlers) services.AddSingleton(handler);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<WorkflowDatabase>().MigrateAsync();
        return new TestEngine(provider, file, clock);
    }

    /// <summary>Deploys inline or file BPMN and returns the definition key of its first process.</summary>
    public async Task<string> DeployAsync(string xml) => (await Engine.DeployAsync(xml, "tester")).Definitions[0].Definition.Key;

    public Task<InstanceView> StartAsync(string key, object? variables = null, string? businessKey = null) =>
        Engine.StartAsync(new StartRequest(key) { Variables = Vars.Of(variables), BusinessKey = businessKey, StartedBy = "applicant1" });

    public async Task<UserTaskView> OpenTaskAsync(Guid instanceId, string elementId) =>
        (await Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId })).Single(t => t.ElementId == elementId);

    public async Task CompleteAsync(Guid instanceId, string elementId, object? variables = null, string user = "approver1", string? comment = null)
    {
        var task = await OpenTaskAsync(instanceId, elementId);
        await Engine.CompleteTaskAsync(task.Id, user, Vars.Of(variables), comment);
    }

    public Task<InstanceView> GetAsync(Guid instanceId) => Engine.Queries.GetInstanceAsync(instanceId);

    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            System.IO.File.Delete(File + suffix);
        }
    }
}
