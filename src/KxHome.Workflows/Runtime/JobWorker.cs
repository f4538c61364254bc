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
            try
            {
                while (await engine.ExecuteDueTimersAsync(ct: stoppingToken) + await engine.ExecuteDueJobsAsync(ct: stoppingToken) > 0)
                {
                    // keep going while there is work
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Running due jobs failed; trying again at the next poll");
            }
            await signal.WaitAsync(options.Value.JobPollInterval, clock, stoppingToken);
        }
    }
}
