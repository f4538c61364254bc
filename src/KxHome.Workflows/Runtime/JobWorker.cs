using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// Fires due timers and runs due service-task jobs in the background: at once when a step creates a job, else every
/// poll interval.
/// </summary>
public sealed class JobWorker(
    WorkflowEngine engine, JobSignal signal, TimeProvider clock, IOptions<WorkflowOptions> options, ILogger<JobWorker> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (await RunAsync("timers", () => engine.ExecuteDueTimersAsync(ct: stoppingToken), stoppingToken)
                   + await RunAsync("jobs", () => engine.ExecuteDueJobsAsync(ct: stoppingToken), stoppingToken) > 0)
            {
                // keep going while there is work
            }
            await signal.WaitAsync(options.Value.JobPollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Runs one kind of due work; a failure is logged and does not stop the other kind.</summary>
    private async Task<int> RunAsync(string what, Func<Task<int>> work, CancellationToken stoppingToken)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Running due {What} failed; trying again at the next poll", what);
            return 0;
        }
    }
}
