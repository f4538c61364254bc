using KxHome.Workflows.Core;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Persistence;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace KxHome.Workflows;

/// <summary>The one registration entry for the engine.</summary>
public static class KxWorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine and its read side, its database (SQLite or PostgreSQL), the expression sandbox, the job
    /// worker, Quartz as the timers' alarm clock, and the system clock (unless a <see cref="TimeProvider"/> is already
    /// registered; <c>Clock:Mode=Virtual</c> registers a <see cref="VirtualClock"/> that <see cref="VirtualTime"/> moves).
    /// Handlers are added with <see cref="AddServiceTaskHandler{T}"/>.
    /// </summary>
    public static IServiceCollection AddKxWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        var options = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        services.AddPooledDbContextFactory<WorkflowDbContext>(db => db.Use(options.Provider, options.ConnectionString));
        if (string.Equals(configuration["Clock:Mode"], "Virtual", StringComparison.OrdinalIgnoreCase))
        {
            // For training, demos and tests; Clock:Start (an ISO 8601 instant) sets where it starts, else now.
            var start = configuration["Clock:Start"] is { Length: > 0 } text
                ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
                : TimeProvider.System.GetUtcNow();
            services.AddSingleton<TimeProvider>(new VirtualClock(start));
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ExpressionLimits());
        services.AddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        services.AddSingleton(new BpmnParser());
        services.AddSingleton(new WorkCalendar(options.CalendarFolder));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowEngine>().Queries);
        services.AddSingleton<VirtualTime>();
        AddTimerAlarm(services, options);
        services.AddSingleton<WorkflowDatabase>();
        services.AddHostedService<JobWorker>();
        return services;
    }

    /// <summary>
    /// Quartz as the alarm clock for timers (started by the host): with the engine on SQLite, in a SQLite file of its
    /// own; on PostgreSQL, in Quartz's tables (<c>qrtz_*</c>) in the engine's database as one cluster, so that of
    /// several hosts one rings each alarm and another takes over the alarms of a host that stopped.
    /// </summary>
    private static void AddTimerAlarm(IServiceCollection services, WorkflowOptions options)
    {
        services.AddQuartz(q => q.UsePersistentStore(store =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                store.UsePostgres(options.ConnectionString);
                store.UseClustering(); // each host a member under an id generated at start
            }
            else
            {
                var file = new SqliteConnectionStringBuilder(options.SchedulerConnectionString).DataSource;
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
                store.UseSqlite(options.SchedulerConnectionString);
            }
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
        }));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<QuartzTimerAlarm>();
        services.AddSingleton<ITimerAlarm>(sp => sp.GetRequiredService<QuartzTimerAlarm>());
        services.AddHostedService<TimerAlarmService>();
    }

    /// <summary>Registers the handler for one service-task topic.</summary>
    public static IServiceCollection AddServiceTaskHandler<T>(this IServiceCollection services) where T : class, IServiceTaskHandler =>
        services.AddSingleton<IServiceTaskHandler, T>();
}
