using KxHome.Workflows.Persistence;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace KxHome.Workflows.Scheduling;

/// <summary>
/// Keeps one Quartz trigger per pending timer (job key = timer id): applies the changes steps report after commit,
/// and reconciles at start-up and periodically, scheduling every timer row that lacks a trigger. A trigger that
/// outlives its timer fires harmlessly: the engine finds nothing due.
/// </summary>
internal sealed class TimerAlarmService(
    QuartzTimerAlarm alarm, ISchedulerFactory schedulers, IDbContextFactory<WorkflowDbContext> dbFactory, TimeProvider clock,
    IOptions<WorkflowOptions> options, ILogger<TimerAlarmService> logger) : BackgroundService
{
    public const string Group = "kx-timers";
    private const int Batch = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        var nextReconcile = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextReconcile)
                {
                    await ReconcileAsync(scheduler, stoppingToken);
                    nextReconcile = clock.GetUtcNow() + options.Value.TimerReconcileInterval;
                }
                using var wait = new CancellationTokenSource(options.Value.TimerReconcileInterval, clock);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, wait.Token);
                if (await WaitForChangesAsync(linked.Token)) await ApplyAsync(scheduler, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduling timer triggers failed; the next reconciliation schedules what is missing");
                nextReconcile = DateTimeOffset.MinValue;
            }
        }
    }

    private async Task<bool> WaitForChangesAsync(CancellationToken ct)
    {
        try
        {
            return await alarm.Changes.WaitToReadAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false; // time to reconcile, or stopping
        }
    }

    private async Task ApplyAsync(IScheduler scheduler, CancellationToken ct)
    {
        var latest = new Dictionary<Guid, DateTime?>();
        while (latest.Count < Batch && alarm.Changes.TryRead(out var change)) latest[change.TimerId] = change.DueAt;
        var set = latest.Where(c => c.Value is not null).Select(c => new AlarmTime(c.Key, c.Value!.Value)).ToList();
        if (set.Count > 0) await ScheduleAsync(scheduler, set, ct);
        var silenced = latest.Where(c => c.Value is null).Select(c => new TriggerKey(c.Key.ToString(), Group)).ToList();
        if (silenced.Count > 0) await scheduler.UnscheduleJobs(silenced, ct);
    }

    /// <summary>Schedules every pending, running timer that has no trigger.</summary>
    private async Task ReconcileAsync(IScheduler scheduler, CancellationToken ct)
    {
        List<AlarmTime> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            pending = await TimerStore.Running(db.Timers.AsNoTracking(), options.Value.DefaultRetry.Attempts)
                .Select(t => new AlarmTime(t.Id, t.DueAt)).ToListAsync(ct);
        }
        var triggers = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), ct)).Select(k => k.Name).ToHashSet();
        var missing = pending.Where(t => !triggers.Contains(t.TimerId.ToString())).ToList();
        foreach (var batch in missing.Chunk(Batch)) await ScheduleAsync(scheduler, batch, ct);
        if (missing.Count > 0) logger.LogInformation("Scheduled {Count} timer triggers that were missing", missing.Count);
    }

    private async Task ScheduleAsync(IScheduler scheduler, IReadOnlyCollection<AlarmTime> timers, CancellationToken ct)
    {
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(timers.Count);
        foreach (var timer in timers)
        {
            var key = timer.TimerId.ToString();
            var job = JobBuilder.Create<FireTimersJob>().WithIdentity(key, Group).Build();
            var trigger = TriggerBuilder.Create(clock)
                .WithIdentity(key, Group)
                .ForJob(job)
                .StartAt(new DateTimeOffset(DateTime.SpecifyKind(timer.DueAt, DateTimeKind.Utc)))
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            jobs[job] = [trigger];
        }
        await scheduler.ScheduleJobs(jobs, ScheduleJobOptions.Replacing, ct);
    }
}
