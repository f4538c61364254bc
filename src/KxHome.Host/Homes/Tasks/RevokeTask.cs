using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Homes.Tasks;

/// <summary>取消资格: the home's designation is revoked after two Unqualified years in a row (R15); its rectification and cultivation path end.</summary>
public sealed class RevokeTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-revoke";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await HomeAsync(context, services, ct);
        var year = Year(context);
        await registry.ChangeStatusAsync(home, HomeStatus.Revoked, $"{year - 1}、{year}年度连续两年考核不合格，取消资格（R15）", context.InstanceId, null);
        // A rectification still running has nothing left to decide: the earlier assessment that called it ends with it.
        var engine = services.GetRequiredService<WorkflowEngine>();
        var callers = await services.GetRequiredService<AppDbContext>().Assessments.AsNoTracking()
            .Where(a => a.HomeId == home.Id && a.RectificationCaseId != null && a.CaseId != null && a.CaseId != context.InstanceId)
            .Select(a => a.CaseId!.Value).ToListAsync(ct);
        foreach (var waiting in await engine.Queries.QueryInstancesAsync(new InstanceQuery { Ids = callers, Status = InstanceStatus.Active }, ct))
        {
            await engine.CancelAsync(waiting.Id, null, "之家已取消资格，限期整改终止", ct);
        }
        // A revoked home leaves its cultivation path (art. 8 is for designated homes), and the founding it called.
        var revoked = $"之家已取消资格（{year - 1}、{year}年度连续两年考核不合格），培育路径终止";
        foreach (var path in await engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = AssociationKeys.Cultivation(home.Id), Status = InstanceStatus.Active }, ct))
        {
            await engine.CancelAsync(path.Id, null, revoked, ct);
            foreach (var hook in services.GetServices<Cases.ICaseEnded>()) await hook.EndedAsync(path.Id, null, revoked);
        }
        return new Dictionary<string, object?> { ["revoked"] = true };
    }
}
