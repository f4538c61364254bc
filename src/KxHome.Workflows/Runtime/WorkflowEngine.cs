using System.Collections.Concurrent;
using KxHome.Workflows.Core;
using KxHome.Workflows.Execution;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// The engine's commands: deploy, start, complete and hand over tasks, run jobs and timers, repair incidents, cancel.
/// Lists and views are on <see cref="Queries"/>.
/// Every operation that changes an instance is one step in one database transaction; concurrent changes to one
/// instance or task end with exactly one success and a <see cref="WorkflowConflictException"/> for the others.
/// </summary>
public sealed partial class WorkflowEngine : IAsyncDisposable
{
    private const int MaxAttempts = 5;

    private readonly BpmnParser _parser;
    private readonly DefinitionCache _definitions;
    private readonly StepServices _services;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _clock;
    private readonly JobSignal _jobSignal;
    private readonly Dictionary<string, IServiceTaskHandler> _handlers;
    private readonly StepWriterConnection _writer;
    private readonly ITimerAlarm _alarm;
    private readonly JobHold _hold;
    private readonly ILogger<WorkflowEngine> _log;
    private readonly ConcurrentQueue<ServiceTaskContext> _heldJobs = new();

    /// <summary>Wires the engine to its database and ports.</summary>
    public WorkflowEngine(
        IDbContextFactory<WorkflowDbContext> dbFactory,
        BpmnParser parser,
        IExpressionEvaluator expressions,
        TimeProvider clock,
        IOptions<WorkflowOptions> options,
        JobSignal jobSignal,
        IEnumerable<IServiceTaskHandler> handlers,
        WorkCalendar calendar,
        ITimerAlarm alarm,
        ILogger<WorkflowEngine>? log = null)
    {
        _log = log ?? NullLogger<WorkflowEngine>.Instance;
        _parser = parser;
        _definitions = new DefinitionCache(parser);
        _options = options.Value;
        _clock = clock;
        _jobSignal = jobSignal;
        _services = new StepServices(clock, _options.TimeZone, expressions, calendar, _options.MaxTransitionsPerStep);
        _handlers = handlers.ToDictionary(h => h.Topic);
        _alarm = alarm;
        _writer = new StepWriterConnection(_options.ConnectionString, _options.Provider);
        _hold = new JobHold(_workerId, _options.JobLockDuration, _handlers.Keys.ToHashSet());
        Queries = new WorkflowQueries(dbFactory, _definitions, clock);
    }

    /// <summary>The read side: lists and views of cases, tasks, timers, definitions and notices.</summary>
    public WorkflowQueries Queries { get; }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Closes the connection steps are written through.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}

