using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Tests.Core;

public class TimerScheduleTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static TimerSchedule Parse(string text)
    {
        TimerSchedule.TryParse(text, Beijing, out var schedule, out var error).Should().BeTrue(error);
        return schedule;
    }

    [Fact]
    public void Three_repetitions_every_seven_days_fire_three_times_then_stop()
    {
        var schedule = Parse("R3/P7D");

        var (first, skipped) = schedule.First(Now, Beijing)!.Value;
        var second = schedule.Next(first, 1, Beijing);
        var third = schedule.Next(second!.Value, 2, Beijing);

        skipped.Should().Be(0);
        first.Should().Be(Now.AddDays(7));
        second.Should().Be(Now.AddDays(14));
        third.Should().Be(Now.AddDays(21));
        schedule.Next(third!.Value, 3, Beijing).Should().BeNull();
    }

    [Fact]
    public void A_bare_R_repeats_without_end()
    {
        Parse("R/P1D").Next(Now, 10_000, Beijing).Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void A_start_in_the_past_catches_up_to_the_next_occurrence_and_counts_the_skipped_ones()
    {
        var schedule = Parse("R/2025-10-01T09:00:00/P1Y");

        var (due, skipped) = schedule.First(Now, Beijing)!.Value;

        due.Should().Be(new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc), "09:00 in Beijing");
        skipped.Should().Be(1);
    }

    [Fact]
    public void A_limited_cycle_whose_occurrences_all_passed_has_none_left()
    {
        Parse("R2/2025-01-01T09:00:00/P1M").First(Now, Beijing).Should().BeNull();
    }

    [Fact]
    public void A_quartz_cron_expression_is_read_in_Beijing_time()
    {
        var schedule = Parse("0 0 9 1 10 ?"); // every October 1 at 09:00

        var (first, _) = schedule.First(Now, Beijing)!.Value;

        first.Should().Be(new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc));
        schedule.Next(first, 1, Beijing).Should().Be(new DateTime(2027, 10, 1, 1, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("R0/P1D", "次数须大于零")]
    [InlineData("R3/PT0S", "周期不是大于零")]
    [InlineData("R/明年/P1Y", "起始时间")]
    [InlineData("every monday", "既不是")]
    public void A_cycle_that_cannot_be_read_is_refused_with_a_reason(string text, string reason)
    {
        TimerSchedule.TryParse(text, Beijing, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason).And.Contain(text);
    }
}
