using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// 安排年度考核: works out this year's round from the settings (R29: the window opens on 年度考核开始日), giving
/// <c>year</c> and <c>roundOpensAt</c>, the earliest opening among the rule sets, for the timer that opens the round.
/// </summary>
public sealed class PlanRoundTask(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkflowOptions> options) : HomeTask(scopes)
{
    public override string Topic => "kx-assessment-plan";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var zone = options.Value.TimeZone;
        var now = clock.GetUtcNow().UtcDateTime;
        var year = BusinessDates.Today(now, zone).Year;
        var policies = services.GetRequiredService<PolicyBook>();
        var opens = new List<DateTime>();
        foreach (var ruleSet in Enum.GetValues<RuleSet>())
        {
            var date = (await policies.ForAsync(ruleSet, year, ct)).Date(PolicyKeys.AssessmentOpens);
            opens.Add(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone));
        }
        var at = opens.Min();
        return new Dictionary<string, object?> { ["year"] = year, ["roundOpensAt"] = at > now ? at : now };
    }
}
