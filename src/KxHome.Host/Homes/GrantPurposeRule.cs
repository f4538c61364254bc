using System.Text.Json.Nodes;
using KxHome.Host.Cases;
using KxHome.Host.Homes.Tasks;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes;

/// <summary>
/// The district's decision (form <c>certification-decision</c>) names what the construction grant is for: a purpose
/// the grant may not serve (wages, welfare) is refused at the field, not weeks later when the grant is booked (R16).
/// </summary>
public sealed class GrantPurposeRule : ISubmissionRule
{
    public string FormKey => "certification-decision";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        var purpose = data["grantPurpose"]?.ToString() is { Length: > 0 } typed ? typed : CertifyTask.DefaultPurpose;
        IReadOnlyList<FieldProblem> problems = FundingRules.PurposeProblem(FundingKind.ConstructionGrant, purpose) is { } problem
            ? [new FieldProblem("grantPurpose", problem)] : [];
        return Task.FromResult(problems);
    }
}
