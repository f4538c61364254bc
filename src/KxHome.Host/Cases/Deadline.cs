namespace KxHome.Host.Cases;

/// <summary>A due time as people read it in Beijing, with the time left ("还剩 3 天") or overdue.</summary>
public static class Deadline
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing).ToString("yyyy-MM-dd HH:mm");

    public static string Countdown(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} 天 {span.Hours} 小时" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} 小时" : $"{Math.Max(1, (int)span.TotalMinutes)} 分钟";
        return left >= TimeSpan.Zero ? $"还剩 {text}" : $"已超期 {text}";
    }

    /// <summary>Days to or since a date: "还有 123 天" or "已过 5 天".</summary>
    public static string Countdown(DateOnly day, DateOnly today) =>
        day >= today ? $"还有 {day.DayNumber - today.DayNumber} 天" : $"已过 {today.DayNumber - day.DayNumber} 天";
}
