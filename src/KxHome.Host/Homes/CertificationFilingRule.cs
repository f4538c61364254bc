using System.Text.Json.Nodes;
using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// Filing a certification application (form <c>certification-apply</c>): a first filing after the year's deadline is
/// refused (R27; a resubmission after 补正 is not a new filing), and the application must meet its rule set's place,
/// people, 六有 and activity minimums (R1, R2, R3, R30, R31).
/// </summary>
public sealed class CertificationFilingRule(PolicyBook policies, TimeProvider clock, IOptions<WorkflowOptions> options) : ISubmissionRule
{
    public string FormKey => "certification-apply";

    public async Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = await policies.ForAsync(await policies.RuleSetOfAsync(instance.Owner), BusinessDates.Today(now, options.Value.TimeZone).Year);
        var problems = new List<FieldProblem>();
        var resubmission = instance.History.Any(h => h.Kind == HistoryKind.TaskCompleted && h.ElementId == task.ElementId);
        if (!resubmission && CertificationRules.LateFiling(policy, now, options.Value.TimeZone) is { } late) problems.Add(new FieldProblem("", late));
        var variables = data.ToDictionary(p => p.Key, p => p.Value);
        problems.AddRange(CertificationRules.Check(HomeApplication.From(variables), policy));
        return problems;
    }
}
