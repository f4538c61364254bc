using KxHome.Workflows.Core;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

/// <summary>Engine settings, bound from the <c>Workflows</c> configuration section.</summary>
public sealed class WorkflowOptions
{
    /// <summary>The configuration section these options come from.</summary>
    public const string Section = "Workflows";

    /// <summary>The database the engine keeps its tables in: SQLite (one host) or PostgreSQL (one or several hosts).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string; a SQLite file is created if missing, a PostgreSQL database must exist.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/kxhome.db";

    /// <summary>
    /// Quartz's own SQLite store, where it keeps one trigger per pending timer. A file of its own, so Quartz never
    /// waits behind the engine's writes.
    /// </summary>
    public string SchedulerConnectionString { get; set; } = "Data Source=data/kxhome-scheduler.db";

    /// <summary>How often every pending timer is checked to have its Quartz trigger (also done at start-up).</summary>
    public TimeSpan TimerReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The time zone dates alone and calendar durations are read in.</summary>
    public string BusinessTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The folder of working-day calendar files, one per year (see <see cref="WorkCalendar"/>).</summary>
    public string CalendarFolder { get; set; } = "workflows/calendars";

    /// <summary>Retry policy for handler failures, for topics not listed in <see cref="Topics"/>.</summary>
    public RetryPolicy DefaultRetry { get; set; } = new();

    /// <summary>Retry policy per service-task topic.</summary>
    public Dictionary<string, RetryPolicy> Topics { get; set; } = [];

    /// <summary>How often the job worker looks for due jobs when nothing wakes it.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker holds a job before another may take it over.</summary>
    public TimeSpan JobLockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many elements one step (a start, a completed task, …) may pass through. A loop with no wait state in it
    /// would run until the process runs out of memory; past this count the token stops with an incident instead.
    /// </summary>
    public int MaxTransitionsPerStep { get; set; } = 10_000;

    /// <summary>The retry policy for a topic.</summary>
    public RetryPolicy RetryFor(string topic) => Topics.TryGetValue(topic, out var policy) ? policy : DefaultRetry;

    /// <summary>The business time zone, resolved.</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(BusinessTimeZone);
}

/// <summary>How often and how patiently a failing handler is retried before an incident is raised.</summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Wait before the second attempt.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each further wait is the previous one times this.</summary>
    public double BackoffFactor { get; set; } = 2;

    /// <summary>The wait after the given failed attempt (1-based).</summary>
    public TimeSpan BackoffAfter(int attempt) => FirstBackoff * Math.Pow(BackoffFactor, attempt - 1);
}
