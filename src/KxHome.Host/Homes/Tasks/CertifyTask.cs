using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// 命名授牌: the home becomes Active with its plaque number (R28), its one construction grant is booked for the place
/// only (R16; input <c>grantPurpose</c>), and the matching funds it owes are given back to the case (R18).
/// </summary>
public sealed class CertifyTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public const string DefaultPurpose = "阵地建设：设备购置、环境氛围布置、标识制作";

    public override string Topic => "kx-home-certify";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await HomeAsync(context, services, ct);
        var purpose = Text(context, "grantPurpose") is { Length: > 0 } p ? p : DefaultPurpose;
        if (FundingRules.PurposeProblem(FundingKind.ConstructionGrant, purpose) is { } problem) throw new InvalidOperationException($"“{context.ElementId}”：{problem}");
        await registry.CertifyAsync(home, context.InstanceId, null);
        var year = home.DesignatedOn!.Value.Year;
        var grant = await services.GetRequiredService<FundingBook>().BookGrantAsync(home, year, purpose, context.InstanceId, context.JobId);
        var percent = (await services.GetRequiredService<PolicyBook>().ForAsync(home.RuleSet, year, ct)).Int(PolicyKeys.MatchingFundsPercent);
        return new Dictionary<string, object?>
        {
            ["plaqueNumber"] = home.PlaqueNumber, ["designatedOn"] = home.DesignatedOn.Value.ToString("yyyy-MM-dd"),
            ["grantFen"] = grant?.AmountFen ?? 0, ["matchingOwedFen"] = (grant?.AmountFen ?? 0) * percent / 100,
        };
    }
}
