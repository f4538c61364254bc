using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class TimerCatchEventTests
{
    private static string Flow(string timer) => Bpmn.Process("p", $"""
        <startEvent id="start" />
        <intermediateCatchEvent id="wait" name="等待整改期满"><timerEventDefinition>{timer}</timerEventDefinition></intermediateCatchEvent>
        <userTask id="recheck" name="复核" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "recheck") + Bpmn.Flow("f3", "recheck", "end"));

    [Fact]
    public async Task A_duration_timer_waits_then_fires_once_when_the_clock_reaches_it()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("<timeDuration>P1Y</timeDuration>"));
        var instance = await kx.StartAsync(key, businessKey: "ZG-1");

        var deadline = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle().Subject;
        deadline.ElementName.Should().Be("等待整改期满");
        deadline.BusinessKey.Should().Be("ZG-1");
        deadline.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddYears(1));

        kx.Clock.Advance(TimeSpan.FromDays(364));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0, "a year has not passed");
        kx.Clock.Advance(TimeSpan.FromDays(1));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0, "a timer fires once");

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("recheck");
        after.History.Should().ContainSingle(h => h.Kind == HistoryKind.TimerFired && h.ElementId == "wait");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
    }

    [Fact]
    public async Task A_date_alone_fires_at_the_end_of_that_day_in_Beijing()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("<timeDate>${filingDate}</timeDate>"));
        var instance = await kx.StartAsync(key, new { filingDate = "2026-06-15" });

        var timer = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single();
        timer.DueAt.Should().Be(new DateTime(2026, 6, 15, 15, 59, 59, DateTimeKind.Utc), "23:59:59 in Beijing is 15:59:59 UTC");

        kx.Clock.Advance(timer.DueAt - kx.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        kx.Clock.Advance(TimeSpan.FromSeconds(1));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);
    }

    [Fact]
    public async Task One_year_from_a_leap_day_ends_on_the_last_day_of_February()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("<timeDuration>P1Y</timeDuration>"));
        kx.Clock.Advance(new DateTimeOffset(2028, 2, 29, 2, 0, 0, TimeSpan.Zero) - kx.Clock.GetUtcNow()); // 10:00 in Beijing

        var instance = await kx.StartAsync(key);

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single().DueAt
            .Should().Be(new DateTime(2029, 2, 28, 2, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_timer_value_that_cannot_be_read_is_an_incident_naming_the_event()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("<timeDate>${filingDate}</timeDate>"));

        var instance = await kx.StartAsync(key, new { filingDate = "六月十五日" });

        var incident = instance.Incidents.Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("wait");
        incident.Message.Should().Contain("等待整改期满").And.Contain("六月十五日");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
    }

    [Fact]
    public async Task Cancelling_the_case_removes_its_timer_and_nothing_fires_later()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("<timeDuration>P30D</timeDuration>"));
        var instance = await kx.StartAsync(key);

        await kx.Engine.CancelAsync(instance.Id, "admin", "申请撤回");
        kx.Clock.Advance(TimeSpan.FromDays(31));

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Cancelled);
    }

    [Fact]
    public async Task A_deadline_missed_while_the_host_was_down_fires_once_when_it_starts_again()
    {
        var kx = await TestEngine.StartAsync();
        await using var _ = kx;
        var key = await kx.DeployAsync(Flow("<timeDuration>P7D</timeDuration>"));
        var instance = await kx.StartAsync(key);
        await kx.Engine.DisposeAsync(); // the host stops with the timer pending

        await using var restarted = await TestEngine.StartAsync(
            new Dictionary<string, string?> { ["Workflows:ConnectionString"] = kx.ConnectionString });
        restarted.Clock.Advance(TimeSpan.FromDays(10));

        (await restarted.Engine.ExecuteDueTimersAsync()).Should().Be(1);
        (await restarted.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        (await restarted.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("recheck");
    }

    [Fact]
    public async Task A_working_day_timer_skips_the_national_day_holiday_and_counts_the_make_up_saturday()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""<timeDuration>P3D</timeDuration>""").Replace("<timerEventDefinition>", """<timerEventDefinition kx:calendar="workdays">"""));
        kx.Clock.Advance(new DateTimeOffset(2026, 9, 30, 2, 0, 0, TimeSpan.Zero) - kx.Clock.GetUtcNow());

        var instance = await kx.StartAsync(key);

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Single().DueAt
            .Should().Be(new DateTime(2026, 10, 10, 15, 59, 59, DateTimeKind.Utc));
    }

    [Fact]
    public void A_working_day_calendar_on_a_date_timer_is_refused_when_deploying()
    {
        var result = new KxHome.Workflows.Parsing.BpmnParser().Parse(
            Flow("<timeDate>2026-06-15</timeDate>").Replace("<timerEventDefinition>", """<timerEventDefinition kx:calendar="workdays">"""));

        result.Problems.Should().ContainSingle(p => p.Code == "bad-timer-calendar" && p.ElementId == "wait");
    }
}
