using System.Text.Json.Nodes;
using System.Text.Json;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// A service task of the homes' flows (topic <c>kx-home-*</c>, <c>kx-assessment-*</c>, <c>kx-rectification-*</c>): runs
/// in its own scope, reads the case's variables, and refuses bad input with a Chinese message naming the task (the
/// engine retries, then raises an incident an administrator sees). Every write is idempotent: a retried job writes once.
/// </summary>
public abstract class HomeTask(IServiceScopeFactory scopes) : IServiceTaskHandler
{
    public abstract string Topic { get; }

    public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RunAsync(context, scope.ServiceProvider, cancellationToken);
    }

    protected abstract Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct);

    /// <summary>The home the case is about, of the case's own organisation (see <see cref="HomeRegistry.OfCaseAsync"/>).</summary>
    protected static async Task<KxHome.Workflows.Association.Home> HomeAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var owner = (await services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(context.InstanceId, ct)).Owner;
        return await services.GetRequiredService<HomeRegistry>().OfCaseAsync(context, owner);
    }

    /// <summary>A variable as text ("" when missing).</summary>
    protected static string Text(ServiceTaskContext context, string name) => VariableValues.Text(context.Variables, name);

    protected static bool Flag(ServiceTaskContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && value is JsonValue json && json.GetValueKind() == JsonValueKind.True;

    protected static int Year(ServiceTaskContext context) =>
        int.TryParse(Text(context, "year"), out var year) ? year : throw new InvalidOperationException($"“{context.ElementId}”：案件缺少考核年度（变量 year）");

    /// <summary>Who completed the latest run of a user task of the case, e.g. the reviewer who graded it.</summary>
    protected static async Task<(string? UserId, string? Comment)> LastCompletionAsync(WorkflowEngine engine, Guid caseId, Func<HistoryEntry, bool> which)
    {
        var instance = await engine.Queries.GetInstanceAsync(caseId);
        var entry = instance.History.LastOrDefault(h => h.Kind == HistoryKind.TaskCompleted && which(h));
        return (entry?.UserId, entry?.Comment);
    }
}
