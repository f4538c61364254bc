using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>记录未通过: the application is refused, with the reason (R9's, or the reviewer's own words).</summary>
public sealed class RefuseTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-refuse";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await HomeAsync(context, services, ct);
        var reason = Text(context, "refusalReason");
        if (reason.Length == 0)
        {
            var instance = await services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(context.InstanceId, ct);
            var refusal = instance.History.LastOrDefault(h => h.Kind == HistoryKind.TaskCompleted
                && h.Data?["approved"]?.GetValueKind() == System.Text.Json.JsonValueKind.False);
            var words = refusal?.Comment is { Length: > 0 } comment ? comment : refusal?.Data?["opinion"]?.ToString();
            reason = string.IsNullOrWhiteSpace(words) ? "审核未通过" : $"审核未通过：{words}";
        }
        await registry.ChangeStatusAsync(home, HomeStatus.Refused, reason, context.InstanceId, null);
        return new Dictionary<string, object?> { ["refusalReason"] = reason };
    }
}
