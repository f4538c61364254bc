namespace KxHome.Workflows.Association;

/// <summary>Dates as people mean them: a date alone is the whole of that day in the business time zone.</summary>
public static class BusinessDates
{
    /// <summary>The first instant after <paramref name="date"/> in <paramref name="zone"/>, in UTC: "by June 15" means before it.</summary>
    public static DateTime EndOfDayUtc(DateOnly date, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>A time of a date in <paramref name="zone"/>, in UTC: 9:00 on a timer's day.</summary>
    public static DateTime AtUtc(DateOnly date, int hour, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, 0)), zone);

    /// <summary>The date of an instant in the business time zone.</summary>
    public static DateOnly Today(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>"2026年6月15日".</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
