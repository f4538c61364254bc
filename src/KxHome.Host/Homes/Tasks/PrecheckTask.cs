using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// 核对建设条件: keeps what the street pre-check found (whether the place is in an S&amp;T cluster) and refuses a new
/// street home outside one (R9), giving <c>precheckPassed</c> and, when refused, <c>refusalReason</c>.
/// </summary>
public sealed class PrecheckTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-precheck";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await HomeAsync(context, services, ct);
        var inCluster = Flag(context, "inCluster");
        home.InCluster = inCluster;
        await registry.SaveAsync();
        var refusal = home.Kind == HomeKind.Street && !inCluster && RuleBook.Applies(home.RuleSet, "R9")
            ? "R9：街镇科协在非科技集聚区域不再新增之家" : null;
        return new Dictionary<string, object?> { ["precheckPassed"] = refusal is null, ["refusalReason"] = refusal };
    }
}
