using KxHome.Workflows.Runtime;
using Quartz;

namespace KxHome.Workflows.Scheduling;

/// <summary>A timer's Quartz trigger fired: the engine fires every timer that is due, earliest first.</summary>
internal sealed class FireTimersJob(WorkflowEngine engine) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        while (await engine.ExecuteDueTimersAsync(ct: cancellationToken) > 0)
        {
            // more may have fallen due meanwhile
        }
    }
}
