using KxHome.Workflows.Execution;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// The engine's public API: deploy, start, inspect, query and complete tasks, run jobs, repair incidents, cancel.
/// Every operation that changes an instance is one step in one database transaction; concurrent changes to one
/// instance or task end with exactly one success and a <see cref="WorkflowConflictException"/> for the others.
/// </summary>
public sealed partial class WorkflowEngine
{
    private const int MaxAttempts = 5;

    private readonly IDbContextFactory<WorkflowDbContext> _dbFactory;
    private readonly BpmnParser _parser;
    private readonly DefinitionCache _definitions;
    private readonly StepServices _services;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _clock;
    private readonly JobSignal _jobSignal;
    private readonly Dictionary<string, IServiceTaskHandler> _handlers;

    /// <summary>Wires the engine to its database and ports.</summary>
    public WorkflowEngine(
        IDbContextFactory<WorkflowDbContext> dbFactory,
        BpmnParser parser,
        IExpressionEvaluator expressions,
        TimeProvider clock,
        IOptions<WorkflowOptions> options,
        JobSignal jobSignal,
        IEnumerable<IServiceTaskHandler> handlers)
    {
        _dbFactory = dbFactory;
        _parser = parser;
        _definitions = new DefinitionCache(parser);
        _options = options.Value;
        _clock = clock;
        _jobSignal = jobSignal;
        _services = new StepServices(clock, _options.TimeZone, expressions);
        _handlers = handlers.ToDictionary(h => h.Topic);
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs one unit of work in a transaction, again on a busy database or a lost optimistic race.</summary>
    private async Task<T> TransactAsync<T>(Func<WorkflowDbContext, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            db.Database.AutoSavepointsEnabled = false; // the whole step commits or rolls back; no partial undo needed
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(db);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another step moved the instance first; run this one again on the fresh state.
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new WorkflowConflictException("concurrent-change", "流程实例正被他人同时处理，请刷新后重试");
            }
            catch (Exception ex) when (Transient.IsBusy(ex) && attempt < MaxAttempts)
            {
                // The database was busy; nothing was written.
            }
        }
    }

    private async Task<(InstanceRow Row, Step Step)> LoadStepAsync(WorkflowDbContext db, Guid instanceId, CancellationToken ct)
    {
        var row = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw new WorkflowNotFoundException("instance-not-found", "流程实例不存在");
        if (row.Status != InstanceStatus.Active)
        {
            throw new WorkflowConflictException("instance-ended", "流程实例已结束，不能再办理");
        }
        var model = await _definitions.GetAsync(db, row.DefinitionId, ct);
        return (row, new Step(model, StateSerializer.Read(row.State), _services));
    }

    /// <summary>Wakes the job worker once a step that created jobs has committed.</summary>
    private void AfterCommit(Step step)
    {
        if (step.NewJobs.Count > 0) _jobSignal.Notify();
    }
}
