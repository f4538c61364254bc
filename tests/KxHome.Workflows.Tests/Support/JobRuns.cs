using System.Diagnostics;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Tests.Support;

/// <summary>Runs due service-task jobs until a condition holds; the host's own worker may take some jobs meanwhile.</summary>
public static class JobRuns
{
    /// <summary>Runs due jobs until <paramref name="done"/> holds, 20 s at most (a bound on waiting, not a clock the code reads).</summary>
    public static async Task UntilAsync(WorkflowEngine engine, Func<Task<bool>> done)
    {
        var waited = Stopwatch.StartNew();
        while (!await done() && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await engine.ExecuteDueJobsAsync() == 0) await Task.Delay(20); // the worker holds a job: wait on its outcome
        }
    }
}
