using System.Globalization;
using System.Text.RegularExpressions;
using Quartz;

namespace KxHome.Workflows.Core;

/// <summary>
/// A repeating timer (<c>timeCycle</c>): ISO 8601 repeating intervals <c>R/start/period</c>, <c>R/period</c>,
/// <c>Rn/period</c> and <c>Rn/start/period</c> (n occurrences in all, none left out), or a Quartz cron expression
/// such as <c>0 0 9 1 10 ?</c> (every October 1 at 09:00). Times are read in the business time zone.
/// </summary>
public sealed partial class TimerSchedule
{
    private const int MaxCatchUp = 100_000;

    private readonly int? _repeats;
    private readonly DateTime? _startUtc;
    private readonly IsoDuration? _period;
    private readonly CronExpression? _cron;

    private TimerSchedule(int? repeats, DateTime? startUtc, IsoDuration? period, CronExpression? cron)
    {
        _repeats = repeats;
        _startUtc = startUtc;
        _period = period;
        _cron = cron;
    }

    /// <summary>Reads a cycle; false with a Chinese reason when it is neither form.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out TimerSchedule schedule, out string error)
    {
        schedule = null!;
        error = "";
        text = text?.Trim() ?? "";
        var match = Repeating().Match(text);
        if (match.Success)
        {
            int? repeats = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
            DateTime? start = null;
            if (match.Groups["start"].Success)
            {
                start = DueDates.Resolve(System.Text.Json.Nodes.JsonValue.Create(match.Groups["start"].Value), DateTime.MinValue, zone);
                if (start is null || IsoDuration.TryParse(match.Groups["start"].Value, out _))
                {
                    error = $"循环定时 “{text}” 的起始时间不是日期或日期时间";
                    return false;
                }
            }
            if (!IsoDuration.TryParse(match.Groups["period"].Value, out var period) || period.AddTo(DateTime.UnixEpoch, zone) <= DateTime.UnixEpoch)
            {
                error = $"循环定时 “{text}” 的周期不是大于零的 ISO 8601 时长";
                return false;
            }
            if (repeats == 0)
            {
                error = $"循环定时 “{text}” 的次数须大于零";
                return false;
            }
            schedule = new TimerSchedule(repeats, start, period, null);
            return true;
        }
        if (CronExpression.TryParse(text, out _))
        {
            schedule = new TimerSchedule(null, null, null, new CronExpression(text, zone));
            return true;
        }
        error = $"循环定时 “{text}” 既不是 R/起始/周期、Rn/周期 形式，也不是 cron 表达式";
        return false;
    }

    /// <summary>
    /// The first occurrence at or after <paramref name="nowUtc"/>, and how many earlier ones a start in the past
    /// skipped; null when none is left.
    /// </summary>
    public (DateTime Due, int Skipped)? First(DateTime nowUtc, TimeZoneInfo zone)
    {
        if (_cron is not null) return Cron(nowUtc) is { } next ? (next, 0) : null;
        if (_startUtc is not { } start) return (_period!.AddTo(nowUtc, zone), 0);
        var due = start;
        var skipped = 0;
        for (; due < nowUtc; skipped++)
        {
            if (skipped >= MaxCatchUp || (_repeats is { } n && skipped + 1 >= n)) return null;
            due = _period!.AddTo(due, zone);
        }
        return (due, skipped);
    }

    /// <summary>The occurrence after one that fell due at <paramref name="previousUtc"/>, being the <paramref name="fired"/>th; null when done.</summary>
    public DateTime? Next(DateTime previousUtc, int fired, TimeZoneInfo zone)
    {
        if (_cron is not null) return Cron(previousUtc);
        if (_repeats is { } n && fired >= n) return null;
        return _period!.AddTo(previousUtc, zone);
    }

    private DateTime? Cron(DateTime afterUtc) =>
        _cron!.GetNextValidTimeAfter(new DateTimeOffset(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc)))?.UtcDateTime;

    [GeneratedRegex(@"^R(?<n>\d+)?/(?:(?<start>[^/P][^/]*)/)?(?<period>P[^/]+)$")]
    private static partial Regex Repeating();
}
