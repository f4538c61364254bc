using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// 开始整改期: the rectification case of the year's assessment is noted on it, and <c>rectificationDueAt</c> (one year from
/// now in the business time zone, R15) becomes the due date of the rectification's steps, so reminders go out 30, 7 and 1
/// days before it.
/// </summary>
public sealed class OpenRectificationTask(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkflowOptions> options) : HomeTask(scopes)
{
    public override string Topic => "kx-rectification-open";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await HomeAsync(context, services, ct);
        var db = services.GetRequiredService<AppDbContext>();
        var year = Year(context);
        if (await db.Assessments.FirstOrDefaultAsync(a => a.HomeId == home.Id && a.Year == year, ct) is { } assessment && assessment.RectificationCaseId is null)
        {
            assessment.RectificationCaseId = context.InstanceId;
            await db.SaveChangesAsync(ct);
        }
        IsoDuration.TryParse("P1Y", out var oneYear);
        return new Dictionary<string, object?> { ["rectificationDueAt"] = oneYear.AddTo(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone) };
    }
}

/// <summary>整改通过: the re-verification passed; a rectifying home is active again.</summary>
public sealed class RectificationPassedTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-rectification-passed";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await HomeAsync(context, services, ct);
        if (home.Status == HomeStatus.Rectifying)
        {
            await registry.ChangeStatusAsync(home, HomeStatus.Active, "整改复核通过，恢复正常运行", context.InstanceId, null);
        }
        return null;
    }
}

/// <summary>整改逾期: a year passed without a passed re-verification; the home stays rectifying and the next assessment decides (R15).</summary>
public sealed class RectificationExpiredTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-rectification-expired";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<HomeRegistry>();
        var home = await HomeAsync(context, services, ct);
        await registry.NoteAsync(home, "整改期满（1年）未通过复核，仍处于限期整改状态；下一年度考核再不合格将取消资格", context.InstanceId);
        return new Dictionary<string, object?> { ["rectificationExpired"] = true };
    }
}
