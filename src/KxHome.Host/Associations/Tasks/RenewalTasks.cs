using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Associations.Tasks;

/// <summary>A task of the 换届 flow (R20–R24): the association and the term the case renews, from its business key.</summary>
public abstract class RenewalTask(IServiceScopeFactory scopes) : FoundingTask(scopes)
{
    protected static async Task<(ParkAssociation Association, AssociationTerm Term)> TermAsync(ServiceTaskContext context, IServiceProvider services)
    {
        var registry = services.GetRequiredService<AssociationRegistry>();
        var association = AssociationKeys.AssociationOf(context.BusinessKey) is { } id ? await registry.FindAsync(id) : null;
        var term = association is null ? null : await registry.TermAsync(association.Id, Number(context, "termNumber"));
        if (association is null || term is null || association.OrganisationId != await OwnerAsync(context, services))
        {
            throw new InvalidOperationException($"“{context.ElementId}”：案件没有属于本单位的科协届次（业务键 association:…:term:…）");
        }
        return (association, term);
    }

    protected static TimeZoneInfo Zone(IServiceProvider services) => services.GetRequiredService<IOptions<WorkflowOptions>>().Value.TimeZone;

    protected static async Task<Policy> PolicyAsync(IServiceProvider services, ParkAssociation association, int year)
    {
        var policies = services.GetRequiredService<PolicyBook>();
        return await policies.ForAsync(await policies.RuleSetOfAsync(association.OrganisationId), year);
    }
}

/// <summary>排定换届时间 (R20): the renewal opens the set number of months (six by default) before the term's last day.</summary>
public sealed class PlanRenewalTask(IServiceScopeFactory scopes) : RenewalTask(scopes)
{
    public override string Topic => "kx-term-plan";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var (association, term) = await TermAsync(context, services);
        var lead = (await PolicyAsync(services, association, term.EndsOn.Year)).Int(PolicyKeys.RenewalLeadMonths);
        var opens = TermRules.RenewalOpensOn(term.EndsOn, lead);
        return new Dictionary<string, object?>
        {
            ["renewalOpensAt"] = BusinessDates.AtUtc(opens, 9, Zone(services)), ["renewalOpensOn"] = opens.ToString("yyyy-MM-dd"),
            ["termEndsOn"] = term.EndsOn.ToString("yyyy-MM-dd"),
        };
    }
}

/// <summary>记录提前换届理由 (R20): started by hand before it opened; the reason came with the start and stays with the case.</summary>
public sealed class EarlyRenewalTask(IServiceScopeFactory scopes) : RenewalTask(scopes)
{
    public override string Topic => "kx-term-early";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        await TermAsync(context, services);
        var reason = Text(context, "earlyReason").Trim();
        return reason.Length == 0 ? null : new Dictionary<string, object?> { ["timingReason"] = $"提前换届：{reason}" };
    }
}

/// <summary>下发推荐通知 (R23): nominations of delegates and candidates are collected until the end of the set number of days.</summary>
public sealed class NominationNoticeTask(IServiceScopeFactory scopes) : RenewalTask(scopes)
{
    public override string Topic => "kx-term-notice";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var (association, _) = await TermAsync(context, services);
        var today = services.GetRequiredService<AssociationRegistry>().Today;
        var days = (await PolicyAsync(services, association, today.Year)).Int(PolicyKeys.NominationDays);
        var closes = today.AddDays(days);
        return new Dictionary<string, object?>
        {
            ["nominationsCloseAt"] = BusinessDates.EndOfDayUtc(closes, Zone(services)), ["nominationsCloseOn"] = closes.ToString("yyyy-MM-dd"),
        };
    }
}

/// <summary>记录选举结果 (R24): the congress's decisions and the committee and officers it elected become the next term's.</summary>
public sealed class CongressTask(IServiceScopeFactory scopes) : RenewalTask(scopes)
{
    public override string Topic => "kx-term-congress";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var (association, term) = await TermAsync(context, services);
        if (!DateOnly.TryParse(Text(context, "congressOn"), out var on)) throw new InvalidOperationException($"“{context.ElementId}”：缺少大会日期（congressOn）");
        var timing = Text(context, "timingReason") is { Length: > 0 } early ? early
            : on > term.EndsOn ? $"延期换届：{Text(context, "lateReason")}" : null;
        var congress = new AssociationRegistry.Congress(
            on, Flag(context, "reportAdopted"), Flag(context, "charterAdopted"), Text(context, "committeeMembers").Trim(),
            Number(context, "termYears") is > 0 and var years ? years : TermRules.LongestYears, Text(context, "termReason"), timing, Officers(context));
        var elected = await services.GetRequiredService<AssociationRegistry>().ElectAsync(association, term.Number, context.InstanceId, congress);
        return new Dictionary<string, object?> { ["newTermNumber"] = elected.Number };
    }
}

/// <summary>报上级科协备案 (R20): the new term's result is filed with the higher association, which lists it.</summary>
public sealed class FileRenewalTask(IServiceScopeFactory scopes) : RenewalTask(scopes)
{
    public override string Topic => "kx-term-file";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var (association, term) = await TermAsync(context, services);
        var registry = services.GetRequiredService<AssociationRegistry>();
        var elected = await registry.TermAsync(association.Id, term.Number + 1) ?? throw new InvalidOperationException($"“{context.ElementId}”：还没有选举产生新一届");
        await registry.FileAsync(association, elected);
        return new Dictionary<string, object?> { ["filedWith"] = elected.FiledWith };
    }
}

/// <summary>新一届开始: the new term's own 换届 case starts, waiting for its end (its renewal timer).</summary>
public sealed class StartTermTask(IServiceScopeFactory scopes) : RenewalTask(scopes)
{
    public override string Topic => "kx-term-start";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var (association, term) = await TermAsync(context, services);
        var registry = services.GetRequiredService<AssociationRegistry>();
        var elected = await registry.TermAsync(association.Id, term.Number + 1) ?? throw new InvalidOperationException($"“{context.ElementId}”：还没有选举产生新一届");
        await registry.WatchAsync(association, elected);
        return null;
    }
}
