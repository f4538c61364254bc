using KxHome.Workflows.Association;
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
        return new Dictionary<string, object?> { ["revoked"] = true };
    }
}
