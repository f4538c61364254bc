using KxHome.Workflows.Core;

namespace KxHome.Host.Administration;

/// <summary>Which years the working-day calendar lacks (this year and next), and the warning administrators read.</summary>
public static class CalendarStatus
{
    public static IReadOnlyList<int> MissingYears(WorkCalendar calendar, TimeProvider clock, TimeZoneInfo zone)
    {
        var thisYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Year;
        return new[] { thisYear, thisYear + 1 }.Where(y => !calendar.HasYear(y)).ToList();
    }

    public static string Warning(int year) => $"{year}年节假日安排未录入：该年按周一至周五工作日计算，国务院通知发布后请录入";
}
