using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Association;

/// <summary>公示: records a public notice of <c>days</c> working days (holidays and 调休 counted) and when it ends.</summary>
public sealed class PublicNoticeHandler(IServiceScopeFactory scopes, TimeProvider clock, WorkCalendar calendar, IOptions<WorkflowOptions> options)
    : LedgerHandler(scopes, clock)
{
    public override string Topic => "kx-public-notice";

    protected override LedgerKind Kind => LedgerKind.PublicNotice;

    protected override Task<Outcome> DecideAsync(ServiceTaskContext context, string? owner, IServiceProvider services)
    {
        var daysText = Text(context, "days") is { Length: > 0 } d ? d : "5";
        if (!int.TryParse(daysText, out var days) || days is < 1 or > 60)
        {
            throw new InvalidOperationException($"“{context.ElementId}”：公示天数须为 1 至 60 的整数，收到 “{daysText}”");
        }
        var zone = options.Value.TimeZone;
        var ends = calendar.DueAfterWorkingDays(Clock.GetUtcNow().UtcDateTime, days, zone);
        var endsLocal = TimeZoneInfo.ConvertTimeFromUtc(ends, zone);
        var text = Text(context, "text");
        return Task.FromResult(new Outcome($"公示 {days} 个工作日，至 {endsLocal:yyyy年M月d日}{(text.Length > 0 ? "：" + text : "")}", null,
            new Dictionary<string, object?> { ["publicNoticeEndsAt"] = ends }));
    }
}
