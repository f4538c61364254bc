using System.Text.Json.Nodes;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Associations;

/// <summary>What the founding application and the congress results share: a term of 3–5 years or a reason (R20), and officers one per line.</summary>
public static class TermFields
{
    public static List<FieldProblem> Check(JsonObject data)
    {
        var problems = new List<FieldProblem>();
        var years = int.TryParse(data["termYears"]?.ToString(), out var y) ? y : 0;
        if (TermRules.LengthProblem(years, data["termReason"]?.ToString()) is { } length) problems.Add(new FieldProblem("termReason", length));
        var (_, problem) = OfficerList.Read(key => data[key]?.ToString()?.Trim() ?? "");
        if (problem is not null) problems.Add(new FieldProblem(problem.StartsWith("副秘书长") ? "deputySecretaries" : "viceChairs", problem));
        return problems;
    }
}

/// <summary>The founding application (form <c>association-apply</c>): the term and officers it proposes (R20).</summary>
public sealed class FoundingFormRule : ISubmissionRule
{
    public string FormKey => "association-apply";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data) =>
        Task.FromResult<IReadOnlyList<FieldProblem>>(TermFields.Check(data));
}

/// <summary>
/// The congress results (form <c>term-congress</c>): the new term and officers (R20, R24), and a reason when the congress
/// falls after the ending term's last day (a late renewal, R20).
/// </summary>
public sealed class CongressFormRule : ISubmissionRule
{
    public string FormKey => "term-congress";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var problems = TermFields.Check(data);
        if (DateOnly.TryParse(VariableValues.Text(instance.Variables, "congressOn"), out var congressOn)
            && DateOnly.TryParse(VariableValues.Text(instance.Variables, "termEndsOn"), out var endsOn)
            && TermRules.LateProblem(congressOn, endsOn, data["lateReason"]?.ToString()) is { } late)
        {
            problems.Add(new FieldProblem("lateReason", late));
        }
        return Task.FromResult<IReadOnlyList<FieldProblem>>(problems);
    }
}

/// <summary>The intent (form <c>cultivation-commit</c>): activities for S&amp;T workers held this year, in the home's own ledger (R10).</summary>
public sealed class CultivationIntentRule(AppDbContext db, TimeProvider clock, IOptions<WorkflowOptions> options) : ISubmissionRule
{
    public string FormKey => "cultivation-commit";

    public async Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var homeId = HomeKeys.HomeOf(instance.BusinessKey);
        var year = BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone).Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var events = await db.ServiceEvents.CountAsync(e => e.HomeId == homeId && e.HeldOn >= from && e.HeldOn <= to);
        // The checkbox and the commitment are the form's own checks; here what only the ledger knows.
        return CultivationRules.IntentProblem(true, events, true) is { } problem ? [new FieldProblem("activitiesHeld", problem)] : [];
    }
}

/// <summary>The year-end verification (form <c>cultivation-verify</c>): a failure says what to improve (R11).</summary>
public sealed class VerificationFormRule : ISubmissionRule
{
    public string FormKey => "cultivation-verify";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var failed = data["passed"] is JsonValue passed && passed.GetValueKind() == System.Text.Json.JsonValueKind.False;
        IReadOnlyList<FieldProblem> problems = failed && string.IsNullOrWhiteSpace(data["improvementPoints"]?.ToString())
            ? [new FieldProblem("improvementPoints", "未通过核验的，须写明优化方向（R11）")] : [];
        return Task.FromResult(problems);
    }
}

/// <summary>The local association's approval (form <c>association-approve</c>): an approval names its document number and date (R19).</summary>
public sealed class ApprovalFormRule : ISubmissionRule
{
    public string FormKey => "association-approve";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var problems = new List<FieldProblem>();
        if (data["approved"] is JsonValue approved && approved.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            if (string.IsNullOrWhiteSpace(data["documentNumber"]?.ToString())) problems.Add(new FieldProblem("documentNumber", "批准成立的，须填写批复文号（R19）"));
            if (string.IsNullOrWhiteSpace(data["approvedOn"]?.ToString())) problems.Add(new FieldProblem("approvedOn", "批准成立的，须填写批复日期（R19）"));
        }
        return Task.FromResult<IReadOnlyList<FieldProblem>>(problems);
    }
}

/// <summary>Convening the congress (form <c>term-convene</c>): not before the nominations closed (R23).</summary>
public sealed class ConveneFormRule : ISubmissionRule
{
    public string FormKey => "term-convene";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        IReadOnlyList<FieldProblem> problems =
            DateOnly.TryParse(data["congressOn"]?.ToString(), out var on)
            && DateOnly.TryParse(VariableValues.Text(instance.Variables, "nominationsCloseOn"), out var closed) && on <= closed
                ? [new FieldProblem("congressOn", $"推荐征集至 {BusinessDates.Format(closed)} 24 时截止，大会须在此之后召开（R23）")]
                : [];
        return Task.FromResult(problems);
    }
}
