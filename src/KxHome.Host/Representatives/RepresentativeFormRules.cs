using System.Text.Json.Nodes;
using System.Text.Json;
using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Representatives;

/// <summary>
/// The application (form <c>representative-apply</c>): who may apply (R34), by the deadline for a first filing (a 补正
/// comes after it, R35), the plan's length counted without whitespace (R35), the representatives (R33) and the declaration.
/// The sealed unit opinion is a document the form requires.
/// </summary>
public sealed class ApplicationFormRule(RepresentativeDesk desk) : ISubmissionRule
{
    public string FormKey => "representative-apply";

    public async Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var problems = new List<FieldProblem>();
        if (await CallOfAsync(desk, instance) is not { } call) return [new FieldProblem("", "案件缺少申报通知，请联系管理员")];
        if (await desk.EligibilityProblemAsync(instance.Owner, instance.Id) is { } eligibility) problems.Add(new FieldProblem("", eligibility));
        if (await desk.OfCaseAsync(instance.Id) is null && RepresentativeRules.LateProblem(desk.Now, call.FilingDeadline, desk.Zone) is { } late)
        {
            problems.Add(new FieldProblem("", late));
        }
        if (RepresentativeRules.ProposalProblem(data["proposal"]?.ToString(), call.MinProposalCharacters) is { } length) problems.Add(new FieldProblem("proposal", length));
        if (RepresentativeRules.ReadRepresentatives(data["representatives"]?.ToString()).Problem is { } list) problems.Add(new FieldProblem("representatives", list));
        if (data["declaration"]?.GetValueKind() != JsonValueKind.True) problems.Add(new FieldProblem("declaration", "请确认申报单位的保证声明（R35）"));
        return problems;
    }

    public static async Task<Call?> CallOfAsync(RepresentativeDesk desk, InstanceView instance) =>
        Guid.TryParse(VariableValues.Text(instance.Variables, "callId"), out var id) ? await desk.CallAsync(id) : null;
}

/// <summary>An expert's scores (form <c>representative-score</c>): each item a whole number up to its maximum in the call's rubric (R32).</summary>
public sealed class ScoreFormRule(RepresentativeDesk desk) : ISubmissionRule
{
    public string FormKey => "representative-score";

    public async Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        if (await ApplicationFormRule.CallOfAsync(desk, instance) is not { } call) return [new FieldProblem("", "案件缺少申报通知，请联系管理员")];
        return Rubric.FromJson(call.Rubric).Read(field => data[field]?.ToString()).Problems.Select(p => new FieldProblem(p.Field, p.Problem)).ToList();
    }
}

/// <summary>Ending review (form <c>representative-close</c>): refused while experts are still scoring an application.</summary>
public sealed class CloseReviewRule(CallDesk calls) : ISubmissionRule
{
    public string FormKey => "representative-close";

    public async Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data) =>
        Guid.TryParse(VariableValues.Text(instance.Variables, "callId"), out var id) && await calls.ClosingProblemAsync(id) is { } problem
            ? [new FieldProblem("", problem)]
            : [];
}
