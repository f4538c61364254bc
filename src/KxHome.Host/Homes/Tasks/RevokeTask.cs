using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>取消资格: the home's designation is revoked after two Unqualified years in a row (R15).</summary>
public sealed class RevokeTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-revoke";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await registry.OfCaseAsync(context);
        var year = Year(context);
        await registry.ChangeStatusAsync(home, HomeStatus.Revoked, $"{year - 1}、{year}年度连续两年考核不合格，取消资格（R15）", context.InstanceId, null);
        // A rectification still running has nothing left to decide.
        var engine = services.GetRequiredService<WorkflowEngine>();
        var rectifications = await services.GetRequiredService<AppDbContext>().Assessments.AsNoTracking()
            .Where(a => a.HomeId == home.Id && a.RectificationCaseId != null).Select(a => a.RectificationCaseId!.Value).ToListAsync(ct);
        foreach (var running in await engine.QueryInstancesAsync(new InstanceQuery { Ids = rectifications, IncludeCalled = true, Status = InstanceStatus.Active }, ct))
        {
            await engine.CancelAsync(running.Id, null, "之家已取消资格，整改终止", ct);
        }
        return new Dictionary<string, object?> { ["revoked"] = true };
    }
}
