using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Association;

/// <summary>
/// A 科协 task of the designer's palette (<c>workflows/templates</c>) that writes one <see cref="LedgerEntry"/>: reads
/// its inputs, refuses bad ones with a Chinese message (the engine retries, then raises an incident an administrator
/// sees), writes the entry once per job and gives variables back to the case.
/// </summary>
public abstract class LedgerHandler(IServiceScopeFactory scopes, TimeProvider clock) : IServiceTaskHandler
{
    /// <summary>What the task comes to: the entry's sentence, an amount for grants, the variables for the case.</summary>
    protected sealed record Outcome(string Summary, long? AmountFen, IReadOnlyDictionary<string, object?> Variables);

    public abstract string Topic { get; }

    /// <summary>The clock (virtual in tests and training).</summary>
    protected TimeProvider Clock => clock;

    protected abstract LedgerKind Kind { get; }

    /// <summary>Works out the outcome from the task's inputs (<paramref name="context"/>'s variables) for a case of <paramref name="owner"/>.</summary>
    protected abstract Task<Outcome> DecideAsync(ServiceTaskContext context, string? owner, IServiceProvider services);

    public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var owner = (await engine.Queries.QueryInstancesAsync(new InstanceQuery { Ids = [context.InstanceId], IncludeCalled = true, Take = 1 }, cancellationToken))
            .FirstOrDefault()?.Owner;
        var outcome = await DecideAsync(context, owner, scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Ledger.AnyAsync(l => l.JobId == context.JobId, cancellationToken))
        {
            db.Ledger.Add(new LedgerEntry
            {
                JobId = context.JobId, InstanceId = context.InstanceId, Owner = owner, Kind = Kind,
                Summary = outcome.Summary, AmountFen = outcome.AmountFen, At = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return outcome.Variables;
    }

    /// <summary>An input as text ("" when missing); numbers and booleans as written.</summary>
    protected static string Text(ServiceTaskContext context, string name) => VariableValues.Text(context.Variables, name);

    /// <summary>A required input, or a refusal naming the task and the input.</summary>
    protected string Required(ServiceTaskContext context, string name, string label)
    {
        var text = Text(context, name);
        return text.Length > 0 ? text : throw new InvalidOperationException($"“{context.ElementId}”：请填写{label}（{name}）");
    }
}
