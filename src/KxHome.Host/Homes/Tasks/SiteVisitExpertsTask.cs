using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>安排实地考察专家: the experts who may see the case, as the list the site visit runs over (R28), one task each.</summary>
public sealed class SiteVisitExpertsTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-experts";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var owner = (await services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(context.InstanceId, ct)).Owner;
        var experts = await services.GetRequiredService<People>().WithRolesForAsync(owner, [Roles.Expert]);
        if (experts.Count == 0)
        {
            throw new InvalidOperationException($"“{context.ElementId}”：没有可以对此案件实地考察的专家（角色 expert），请先为区科协添加专家账号，再重试");
        }
        return new Dictionary<string, object?> { ["experts"] = experts.Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal).ToList() };
    }
}
