using System.Globalization;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// 锁定年度数据: keeps the home's figures and rule results as the home confirmed them, and its report of matching funds
/// (R18: amount, source, use and effect), giving the grade the figures suggest.
/// </summary>
public sealed class ConfirmFiguresTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-assessment-confirm";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await HomeAsync(context, services, ct);
        var year = Year(context);
        if (decimal.TryParse(Text(context, "matchingFundsYuan"), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) && yuan >= 0)
        {
            var (by, _) = await LastCompletionAsync(services.GetRequiredService<WorkflowEngine>(), context.InstanceId, h => h.ElementId == "confirm");
            await services.GetRequiredService<FundingBook>().ReportMatchingAsync(home, year, (long)Math.Round(yuan * 100),
                Text(context, "matchingSource"), Text(context, "matchingUse"), Text(context, "matchingEffect"), by, context.InstanceId);
        }
        var snapshot = await services.GetRequiredService<AssessmentDesk>().ConfirmAsync(home, year, context.InstanceId);
        return new Dictionary<string, object?>
        {
            ["suggestedGrade"] = snapshot.Suggested.ToString(),
            ["ruleResults"] = string.Join("\n", snapshot.Rules.Select(r => r.Text)),
        };
    }
}
