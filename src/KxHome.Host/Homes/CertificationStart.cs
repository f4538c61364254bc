using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// Starting a certification case: refused after the year's filing deadline (R27), and where no rules for homes apply
/// (Jiangsu's rule set is the call for 科协代表之家 alone); otherwise the case names the home it will make
/// (<c>home:{id}</c>) and carries the deadline, which its 申报 step shows as due.
/// </summary>
public sealed class CertificationStart(PolicyBook policies, TimeProvider clock, IOptions<WorkflowOptions> options) : IProgrammeStart
{
    public const string Key = "certification";

    public string DefinitionKey => Key;

    public async Task<StartRequest> PrepareAsync(Viewer viewer, StartRequest request)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ruleSet = await policies.RuleSetOfAsync(request.Owner);
        if (!RuleBook.Applies(ruleSet, "R27")) throw new WorkflowException("no-home-rules", $"{Names.Of(ruleSet)}没有科技工作者之家认定，本地区不受理之家认定申报");
        var policy = await policies.ForAsync(ruleSet, BusinessDates.Today(now, options.Value.TimeZone).Year);
        if (CertificationRules.LateFiling(policy, now, options.Value.TimeZone) is { } refusal) throw new WorkflowException("filing-closed", refusal);
        var homeId = Guid.CreateVersion7();
        var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>())
        {
            ["homeId"] = homeId.ToString(),
            ["callYear"] = policy.Year,
            ["filingDeadline"] = policy.Date(PolicyKeys.FilingDeadline).ToString("yyyy-MM-dd"),
        };
        return request with { BusinessKey = HomeKeys.Certification(homeId), Variables = variables };
    }
}
