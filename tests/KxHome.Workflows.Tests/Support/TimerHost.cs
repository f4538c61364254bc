using KxHome.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// A real host on the real clock with Quartz running, on files that outlive one host so a test can stop it and start
/// another. The job worker's poll is an hour, so only Quartz can fire a timer within a test's wait.
/// </summary>
public sealed class TimerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TimerHost(IHost host) => _host = host;

    public WorkflowEngine Engine => _host.Services.GetRequiredService<WorkflowEngine>();

    public static async Task<TimerHost> StartAsync(string file, IDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:ConnectionString"] = $"Data Source={file}",
            ["Workflows:SchedulerConnectionString"] = $"Data Source={file}.scheduler",
            ["Workflows:JobPollInterval"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddKxWorkflows(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<WorkflowDatabase>().MigrateAsync();
        await host.StartAsync();
        return new TimerHost(host);
    }

    /// <summary>
    /// Waits on the real clock until the condition holds, looking every 50 ms, for at most the timeout: these tests
    /// are about Quartz firing on real time, so the wait cannot be driven by a virtual clock.
    /// </summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var real = TimeProvider.System;
        var until = real.GetUtcNow() + timeout;
        while (real.GetUtcNow() < until)
        {
            if (await condition()) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50), real);
        }
        return await condition();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    public static void Delete(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".scheduler", ".scheduler-wal", ".scheduler-shm" }) File.Delete(file + suffix);
    }
}
