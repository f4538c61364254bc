using KxHome.Host.Homes;
using KxHome.Host.Homes.Tasks;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Associations.Tasks;

/// <summary>A task of the cultivation flow: the path of the case's home (R10–R12).</summary>
public abstract class CultivationTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    protected static async Task<CultivationPath> PathAsync(ServiceTaskContext context, IServiceProvider services) =>
        await services.GetRequiredService<CultivationBook>().OfCaseAsync(context.InstanceId)
        ?? throw new InvalidOperationException($"“{context.ElementId}”：案件还没有培育路径");

    protected static Task<Policy> PolicyAsync(IServiceProvider services, Home home, int year) =>
        services.GetRequiredService<PolicyBook>().ForAsync(home.RuleSet, year);

    protected static TimeZoneInfo Zone(IServiceProvider services) => services.GetRequiredService<IOptions<WorkflowOptions>>().Value.TimeZone;

    protected static Dictionary<string, object?> Vars(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);
}

/// <summary>开始培育: an Active enterprise or park home sets out in year 1 (起步).</summary>
public sealed class OpenCultivationTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-open";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await HomeAsync(context, services, ct);
        var book = services.GetRequiredService<CultivationBook>();
        if (await book.OfCaseAsync(context.InstanceId) is null && CultivationRules.StartProblem(home) is { } problem) throw new InvalidOperationException(problem);
        var path = await book.OpenAsync(home, context.InstanceId);
        return Vars(("homeName", home.Name), ("fromList", path.FromList));
    }
}

/// <summary>记录培育意向 (R10): the intent is declared; year 2 begins on the next January 1.</summary>
public sealed class DeclareIntentTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-intent";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var path = await PathAsync(context, services);
        await services.GetRequiredService<CultivationBook>().DeclareIntentAsync(path);
        var starts = CultivationRules.ImproveStarts(path.IntentDeclaredOn!.Value);
        return Vars(("year2StartsAt", BusinessDates.AtUtc(starts, 0, Zone(services))));
    }
}

/// <summary>进入提升阶段 (R11): year 2 begins; its basic verification falls on the year's verification day.</summary>
public sealed class ImproveTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-improving";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var book = services.GetRequiredService<CultivationBook>();
        var path = await PathAsync(context, services);
        await book.EnterAsync(path, CultivationStage.Improve);
        var home = await HomeAsync(context, services, ct);
        var day = CultivationRules.VerificationDay(await PolicyAsync(services, home, book.Today.Year));
        // Year 2 begun on the verification day itself (or after it) is verified the next year: it needs its year of guidance.
        if (day <= book.Today) day = CultivationRules.VerificationDay(await PolicyAsync(services, home, book.Today.Year + 1));
        return Vars(("verificationAt", BusinessDates.AtUtc(day, 9, Zone(services))));
    }
}

/// <summary>保存指导记录 (R11): one guidance service of the district, kept with its date and content.</summary>
public sealed class KeepGuidanceTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-guidance";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var book = services.GetRequiredService<CultivationBook>();
        var path = await PathAsync(context, services);
        var on = DateOnly.TryParse(Text(context, "guidedOn"), out var date) ? date : book.Today;
        var (by, _) = await LastCompletionAsync(services.GetRequiredService<WorkflowEngine>(), context.InstanceId, h => h.ElementId == "guide");
        await book.KeepGuidanceAsync(path, context.JobId, on, Text(context, "area"), Text(context, "content"), by);
        return null;
    }
}

/// <summary>
/// 记录核验结果 (R11): the year's verification is kept; passed → year 3 on the next January 1; failed → the points to
/// improve, and another year's try while the setting allows, else the path ends.
/// </summary>
public sealed class VerifiedTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-verified";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var book = services.GetRequiredService<CultivationBook>();
        var path = await PathAsync(context, services);
        var passed = Flag(context, "passed");
        var points = Text(context, "improvementPoints");
        // The verification belongs to the year whose verification day fell, however late the district signs it.
        var day = DateTime.TryParse(Text(context, "verificationAt"), null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var at)
            ? BusinessDates.Today(at, Zone(services)) : book.Today;
        var (by, _) = await LastCompletionAsync(services.GetRequiredService<WorkflowEngine>(), context.InstanceId, h => h.ElementId == "verify");
        var failures = await book.VerifyAsync(path, day.Year, passed, points, Text(context, "opinion"), by);
        if (passed) return Vars(("passed", true), ("retry", false), ("year3StartsAt", BusinessDates.AtUtc(CultivationRules.UpgradeStarts(day), 0, Zone(services))));
        var home = await HomeAsync(context, services, ct);
        var next = await PolicyAsync(services, home, day.Year + 1);
        if (CultivationRules.MayRetry(await PolicyAsync(services, home, day.Year), failures))
        {
            return Vars(("passed", false), ("retry", true), ("verificationAt", BusinessDates.AtUtc(CultivationRules.VerificationDay(next), 9, Zone(services))));
        }
        return Vars(("passed", false), ("retry", false), ("endReason", $"第二年基础核验 {failures} 次未通过（R11）；优化方向：{points}"));
    }
}

/// <summary>进入升级阶段 (R12): year 3 begins.</summary>
public sealed class UpgradeTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-upgrading";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<CultivationBook>().EnterAsync(await PathAsync(context, services), CultivationStage.Upgrade);
        return null;
    }
}

/// <summary>培育完成 (R12): the founding the path called made an association; the path ends with it, noted on the home.</summary>
public sealed class CultivatedTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-founded";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var path = await PathAsync(context, services);
        var association = Guid.TryParse(Text(context, "associationId"), out var id)
            ? await services.GetRequiredService<AssociationRegistry>().FindAsync(id) : null;
        if (association is null || association.Status != AssociationStatus.Active || association.OrganisationId != path.OrganisationId)
        {
            throw new InvalidOperationException($"“{context.ElementId}”：成立流程没有给出已成立的科协（变量 associationId）");
        }
        await services.GetRequiredService<CultivationBook>().FoundedAsync(path, association.Id);
        var home = await HomeAsync(context, services, ct);
        await services.GetRequiredService<HomeRegistry>().NoteAsync(home, $"培育升级完成，成立{association.Name}（R12）", context.InstanceId);
        return null;
    }
}

/// <summary>培育路径结束: the path ends without an association, keeping why (the district's opinion, or the failed verifications).</summary>
public sealed class EndCultivationTask(IServiceScopeFactory scopes) : CultivationTask(scopes)
{
    public override string Topic => "kx-cultivation-end";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var reason = Text(context, "endReason") is { Length: > 0 } given ? given : $"区科协意见：{Text(context, "opinion")}";
        await services.GetRequiredService<CultivationBook>().EndAsync(await PathAsync(context, services), reason);
        return Vars(("endReason", reason));
    }
}
