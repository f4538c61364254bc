using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>登记申报: the filed application becomes (or updates) the home's record, in status Applying.</summary>
public sealed class FileApplicationTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-file";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var engine = services.GetRequiredService<WorkflowEngine>();
        var instance = await engine.Queries.GetInstanceAsync(context.InstanceId, ct);
        var owner = instance.Owner ?? throw new InvalidOperationException($"“{context.ElementId}”：案件没有所属单位，无法登记之家");
        var homeId = HomeRegistry.HomeIdOf(context) ?? context.InstanceId;
        var application = HomeApplication.From(context.Variables);
        var (by, _) = await LastCompletionAsync(engine, context.InstanceId, h => h.ElementId == "apply");
        var home = await services.GetRequiredService<HomeRegistry>().FileAsync(homeId, owner, application, context.InstanceId, by);
        var policy = await services.GetRequiredService<PolicyBook>().ForAsync(home.RuleSet, services.GetRequiredService<HomeRegistry>().Today.Year, ct);
        return new Dictionary<string, object?>
        {
            ["homeId"] = home.Id.ToString(), ["ruleSet"] = home.RuleSet.ToString(),
            ["publicNoticeDays"] = policy.Int(PolicyKeys.PublicNoticeDays),
        };
    }
}
