using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>发放考核奖励: the year's excellence award for the home's kind, once per home and year (R17).</summary>
public sealed class AwardTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-home-award";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await HomeAsync(context, services, ct);
        var award = await services.GetRequiredService<FundingBook>().BookAwardAsync(home, Year(context), context.InstanceId, context.JobId);
        return new Dictionary<string, object?> { ["awardFen"] = award?.AmountFen ?? 0 };
    }
}
