using KxHome.Workflows.Core;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Workflows.Runtime;

/// <summary>
/// Moves a virtual clock forward for tests, training and demos (<c>Clock:Mode=Virtual</c>), firing everything that
/// falls due on the way in due order: the clock stops at each due time, so a deadline armed by an earlier one that
/// falls inside the span fires too, at its own time.
/// </summary>
public sealed class VirtualTime(TimeProvider clock, WorkflowEngine engine, IDbContextFactory<WorkflowDbContext> dbFactory, IOptions<WorkflowOptions> options)
{
    /// <summary>Whether the engine runs on a virtual clock that can be moved.</summary>
    public bool IsVirtual => clock is VirtualClock;

    /// <summary>The engine's current time.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Advances by an ISO 8601 duration such as <c>P1Y</c>, counted in the business time zone; returns how many timers fired.</summary>
    public async Task<int> AdvanceAsync(string duration, TimeZoneInfo zone, CancellationToken ct = default)
    {
        if (!IsoDuration.TryParse(duration, out var by))
        {
            throw new WorkflowException("bad-duration", $"“{duration}” 不是 ISO 8601 时长（如 P1D、P1M、P1Y）");
        }
        return await AdvanceToAsync(by.AddTo(Now.UtcDateTime, zone), ct);
    }

    /// <summary>Advances to an instant, firing due timers and jobs in due order; returns how many timers fired.</summary>
    public async Task<int> AdvanceToAsync(DateTime targetUtc, CancellationToken ct = default)
    {
        if (clock is not VirtualClock virtualClock)
        {
            throw new WorkflowException("clock-not-virtual", "系统时钟为真实时间，不能拨动；仅在 Clock:Mode=Virtual 的演示或培训环境可用");
        }
        var fired = 0;
        while (await NextDueAsync(ct) is { } due && due <= targetUtc)
        {
            virtualClock.AdvanceTo(new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)));
            fired += await engine.ExecuteDueTimersAsync(ct: ct);
            await engine.ExecuteDueJobsAsync(ct: ct);
        }
        virtualClock.AdvanceTo(new DateTimeOffset(DateTime.SpecifyKind(targetUtc, DateTimeKind.Utc)));
        fired += await engine.ExecuteDueTimersAsync(ct: ct);
        await engine.ExecuteDueJobsAsync(ct: ct);
        return fired;
    }

    private async Task<DateTime?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TimerStore.Running(db.Timers.AsNoTracking(), options.Value.DefaultRetry.Attempts).OrderBy(t => t.DueAt)
            .Select(t => (DateTime?)t.DueAt).FirstOrDefaultAsync(ct);
    }
}
