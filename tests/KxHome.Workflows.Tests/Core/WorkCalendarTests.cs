using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Core;

public class WorkCalendarTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly WorkCalendar _calendar = new(Path.Combine(RepositoryPaths.Workflows, "calendars"));

    [Theory]
    [InlineData("2026-01-04", true)]  // Sunday, 元旦调休上班
    [InlineData("2026-01-02", false)] // Friday, 元旦
    [InlineData("2026-10-07", false)] // Wednesday, 国庆节
    [InlineData("2026-10-10", true)]  // Saturday, 国庆节调休上班
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2025-01-26", true)]  // Sunday, 春节调休上班
    [InlineData("2025-05-05", false)] // Monday, 劳动节
    public void Public_holidays_rest_and_make_up_weekends_work(string date, bool working)
    {
        _calendar.IsWorkingDay(DateOnly.Parse(date)).Should().Be(working);
    }

    [Fact]
    public void Three_working_days_from_the_eve_of_national_day_end_on_the_make_up_saturday()
    {
        var eve = new DateTime(2026, 9, 30, 2, 0, 0, DateTimeKind.Utc); // 10:00 on Wednesday in Beijing

        var due = _calendar.DueAfterWorkingDays(eve, 3, Beijing);

        due.Should().Be(new DateTime(2026, 10, 10, 15, 59, 59, DateTimeKind.Utc), "Oct 8, Oct 9 and the 调休 Saturday Oct 10");
    }

    [Fact]
    public void A_year_without_a_notice_follows_the_weekday_pattern_and_says_so()
    {
        _calendar.HasYear(2026).Should().BeTrue();
        _calendar.HasYear(2027).Should().BeFalse();
        _calendar.IsWorkingDay(new DateOnly(2027, 10, 1)).Should().BeTrue("without the 2027 notice, a Friday is a working day");
        _calendar.Years.Select(y => y.Notice).Should().AllSatisfy(n => n.Should().Contain("国务院办公厅"));
    }

    [Fact]
    public void An_administrator_enters_a_year_and_it_is_saved_and_used()
    {
        var folder = Directory.CreateTempSubdirectory("kxhome-calendar-").FullName;
        try
        {
            var calendar = new WorkCalendar(folder);
            calendar.SaveYear(new CalendarYear(2027, "国务院办公厅关于2027年部分节假日安排的通知",
                [new Holiday("国庆节", [new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 4)])],
                [new MakeUpWorkday(new DateOnly(2027, 9, 26), "国庆节调休上班")]));

            var reloaded = new WorkCalendar(folder);
            reloaded.HasYear(2027).Should().BeTrue();
            reloaded.IsWorkingDay(new DateOnly(2027, 10, 1)).Should().BeFalse();
            reloaded.IsWorkingDay(new DateOnly(2027, 9, 26)).Should().BeTrue();
            File.ReadAllText(Path.Combine(folder, "2027.json")).Should().Contain("国庆节调休上班");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_make_up_day_that_is_not_a_weekend_is_refused_with_the_date()
    {
        var act = () => new WorkCalendar(null).SaveYear(new CalendarYear(2027, "通知", [],
            [new MakeUpWorkday(new DateOnly(2027, 9, 27), "国庆节调休上班")]));

        act.Should().Throw<InvalidDataException>().WithMessage("*2027-09-27*不是周末*");
    }
}
