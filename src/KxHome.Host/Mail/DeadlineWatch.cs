using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Mail;

/// <summary>
/// Looks at open tasks' deadlines and writes a reminder notice when one is 30, 7 or 1 days away (configurable) and
/// a notice when it has passed; each at most once per task and threshold.
/// </summary>
public sealed class DeadlineWatch(WorkflowEngine engine, IOptions<MailOptions> options, TimeProvider clock, ILogger<DeadlineWatch> log) : BackgroundService
{
    public async Task<int> ScanOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = options.Value.ReminderDays.OrderByDescending(d => d).ToList();
        var horizon = now.AddDays(days.DefaultIfEmpty(0).Max());
        var notices = new List<NewNotice>();
        for (var skip = 0; ; skip += 500)
        {
            var tasks = await engine.Queries.QueryTasksAsync(new TaskQuery { DueBefore = horizon, Skip = skip, Take = 500 }, ct);
            foreach (var task in tasks)
            {
                var due = task.DueAt!.Value;
                if (due <= now)
                {
                    notices.Add(new NewNotice(NoticeKind.DeadlinePassed, task.InstanceId, task.Id) { DedupKey = $"passed:{task.Id}" });
                    continue;
                }
                // Only the nearest threshold crossed: a task created 5 days before its deadline gets the 7-day reminder once.
                var crossed = days.Where(d => due - now <= TimeSpan.FromDays(d)).DefaultIfEmpty(-1).Min();
                if (crossed > 0) notices.Add(new NewNotice(NoticeKind.DeadlineReminder, task.InstanceId, task.Id) { DedupKey = $"remind:{task.Id}:{crossed}" });
            }
            if (tasks.Count < 500) break;
        }
        if (notices.Count > 0) await engine.AddNoticesAsync(notices, ct);
        return notices.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineScanInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Deadlines could not be scanned");
            }
        }
    }
}
