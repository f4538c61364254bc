using KxHome.Host.Homes;
using KxHome.Host.Homes.Tasks;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Associations.Tasks;

/// <summary>A task of the founding flow (R19): the association the case applies for, of the case's own organisation.</summary>
public abstract class FoundingTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    protected static async Task<string?> OwnerAsync(ServiceTaskContext context, IServiceProvider services) =>
        (await services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(context.InstanceId)).Owner;

    protected static async Task<ParkAssociation> AssociationAsync(ServiceTaskContext context, IServiceProvider services) =>
        await services.GetRequiredService<AssociationRegistry>().OfFoundingCaseAsync(context.InstanceId)
        ?? throw new InvalidOperationException($"“{context.ElementId}”：案件还没有登记成立申请");

    protected static int Number(ServiceTaskContext context, string name) => int.TryParse(Text(context, name), out var n) ? n : 0;

    /// <summary>The officers the case's form named (chair, vice-chairs, secretary-general, deputies, contact).</summary>
    protected static IReadOnlyList<OfficerList.Entry> Officers(ServiceTaskContext context) =>
        OfficerList.Read(key => Text(context, key).Trim()).Officers;
}

/// <summary>登记成立申请: the association applied for is recorded (or updated on a resubmission), Founding.</summary>
public sealed class RegisterFoundingTask(IServiceScopeFactory scopes) : FoundingTask(scopes)
{
    public override string Topic => "kx-association-draft";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var owner = await OwnerAsync(context, services) ?? throw new InvalidOperationException($"“{context.ElementId}”：案件不属于任何单位");
        var registry = services.GetRequiredService<AssociationRegistry>();
        if (await registry.HeldProblemAsync(owner, context.InstanceId) is { } held) throw new InvalidOperationException($"“{context.ElementId}”：{held}");
        var id = AssociationKeys.AssociationOf(context.BusinessKey) ?? (Guid.TryParse(Text(context, "associationId"), out var given) ? given : null);
        var homeId = HomeKeys.HomeOf(context.BusinessKey);
        var draft = new AssociationRegistry.Draft(
            Text(context, "associationName").Trim(), Enum.TryParse<AssociationKind>(Text(context, "associationKind"), out var kind) ? kind : AssociationKind.Park,
            Enum.TryParse<Ownership>(Text(context, "ownership"), out var ownership) ? ownership : Ownership.Other,
            Number(context, "unitMembers"), Number(context, "individualMembers"), Number(context, "employees"), Number(context, "scienceStaff"),
            Text(context, "partyCommittee").Trim())
        {
            Address = Text(context, "address").Trim(), SecretariatUnit = Text(context, "secretariatUnit").Trim(),
            LegalRepresentative = Text(context, "legalName").Trim(), LegalRepresentativeTitle = Text(context, "legalTitle").Trim(),
            LegalRepresentativePhone = Text(context, "legalPhone").Trim(),
        };
        var association = await registry.DraftAsync(context.InstanceId, id, owner, homeId, draft);
        return new Dictionary<string, object?> { ["associationId"] = association.Id.ToString(), ["associationName"] = association.Name };
    }
}

/// <summary>查明成立方式: after the party working committee's consent, the local association's setting decides approval or filing (R19).</summary>
public sealed class FoundingModeTask(IServiceScopeFactory scopes) : FoundingTask(scopes)
{
    public override string Topic => "kx-association-mode";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<AssociationRegistry>();
        var association = await AssociationAsync(context, services);
        await registry.ConsentedAsync(association);
        var policies = services.GetRequiredService<PolicyBook>();
        var policy = await policies.ForAsync(await policies.RuleSetOfAsync(association.OrganisationId, ct), registry.Today.Year, ct);
        return new Dictionary<string, object?> { ["foundingMode"] = policy.FoundingMode == FoundingMode.Approval ? "approval" : "filing" };
    }
}

/// <summary>成立科协，开始第一届: Active, with the approval's number and date when there was one, its first term and officers (R19, R20).</summary>
public sealed class FoundTask(IServiceScopeFactory scopes) : FoundingTask(scopes)
{
    public override string Topic => "kx-association-found";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var association = await AssociationAsync(context, services);
        var mode = Text(context, "foundingMode") == "approval" ? FoundingMode.Approval : FoundingMode.Filing;
        var approved = mode == FoundingMode.Approval;
        var term = await services.GetRequiredService<AssociationRegistry>().FoundAsync(
            association, mode, approved ? Text(context, "documentNumber") : null,
            approved && DateOnly.TryParse(Text(context, "approvedOn"), out var on) ? on : null,
            Number(context, "termYears") is > 0 and var years ? years : TermRules.LongestYears, Text(context, "termReason"), Officers(context));
        return new Dictionary<string, object?>
        {
            ["associationId"] = association.Id.ToString(), ["termEndsOn"] = term.EndsOn.ToString("yyyy-MM-dd"), ["founded"] = true,
        };
    }
}

/// <summary>不予成立: the local association did not approve; the application is kept as refused (a path that called it ends).</summary>
public sealed class FoundingRefusedTask(IServiceScopeFactory scopes) : FoundingTask(scopes)
{
    public override string Topic => "kx-association-refused";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<AssociationRegistry>().RefusedAsync(await AssociationAsync(context, services));
        return new Dictionary<string, object?> { ["founded"] = false, ["endReason"] = $"地方科协不予批准成立：{Text(context, "opinion")}" };
    }
}
