using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class TimerCycleTests
{
    private static readonly string Reminders = Bpmn.Process("p", """
        <startEvent id="start" /><userTask id="review" name="审核" />
        <boundaryEvent id="remind" name="催办" attachedToRef="review" cancelActivity="false">
          <timerEventDefinition><timeCycle>R3/P7D</timeCycle></timerEventDefinition>
        </boundaryEvent>
        <serviceTask id="notify" camunda:type="external" camunda:topic="notice.remind" />
        <endEvent id="done" /><endEvent id="reminded" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "done")
          + Bpmn.Flow("f3", "remind", "notify") + Bpmn.Flow("f4", "notify", "reminded"));

    [Fact]
    public async Task A_repeating_reminder_fires_after_seven_fourteen_and_twenty_one_days_then_stops()
    {
        var handler = new RecordingHandler("notice.remind");
        await using var kx = await TestEngine.StartAsync(handler);
        var key = await kx.DeployAsync(Reminders);
        var instance = await kx.StartAsync(key);

        for (var week = 1; week <= 4; week++)
        {
            kx.Clock.Advance(TimeSpan.FromDays(7));
            (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(week <= 3 ? 1 : 0, $"week {week}");
            await kx.Engine.ExecuteDueJobsAsync();
        }

        handler.Calls.Should().HaveCount(3);
        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("review");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
    }

    [Fact]
    public async Task Completing_the_task_ends_its_reminder_cycle()
    {
        await using var kx = await TestEngine.StartAsync(new RecordingHandler("notice.remind"));
        var key = await kx.DeployAsync(Reminders);
        var instance = await kx.StartAsync(key);
        kx.Clock.Advance(TimeSpan.FromDays(7));
        await kx.Engine.ExecuteDueTimersAsync();
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle()
            .Which.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(14));

        await kx.CompleteAsync(instance.Id, "review");

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
    }

    private static string Campaign(string cycle, string task = "assess") => Bpmn.Process("campaign", $"""
        <startEvent id="yearly" name="每年10月1日"><timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></startEvent>
        <userTask id="{task}" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "yearly", task) + Bpmn.Flow("f2", task, "end"));

    [Fact]
    public async Task A_timer_start_event_starts_a_case_every_year_on_October_first()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Campaign("0 0 9 1 10 ?"));
        var armed = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { DefinitionKey = "campaign" })).Should().ContainSingle().Subject;
        armed.InstanceId.Should().BeNull();
        armed.DueAt.Should().Be(new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc));

        kx.Clock.Advance(armed.DueAt - kx.Clock.GetUtcNow().UtcDateTime);
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        var tasks = await kx.Engine.Queries.QueryTasksAsync(new TaskQuery());
        tasks.Should().ContainSingle(t => t.DefinitionKey == "campaign" && t.ElementId == "assess");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { DefinitionKey = "campaign" })).Should().ContainSingle()
            .Which.DueAt.Should().Be(new DateTime(2027, 10, 1, 1, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Deploying_a_new_version_re_arms_its_start_timer_and_an_identical_deploy_changes_nothing()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Campaign("R/P1M"));
        var first = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { DefinitionKey = "campaign" })).Single();

        await kx.DeployAsync(Campaign("R/P1M"));
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { DefinitionKey = "campaign" })).Single().Id.Should().Be(first.Id);

        await kx.DeployAsync(Campaign("R/P1M", task: "assess2"));
        kx.Clock.Advance(TimeSpan.FromDays(31));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1, "only the newest version's timer is armed");
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery())).Should().ContainSingle().Which.ElementId.Should().Be("assess2");
    }

    [Fact]
    public async Task A_start_timer_that_cannot_be_read_is_refused_at_deploy_naming_the_event()
    {
        await using var kx = await TestEngine.StartAsync();

        var act = () => kx.DeployAsync(Campaign("every year"));

        var problems = (await act.Should().ThrowAsync<BpmnValidationException>()).Which.Problems;
        problems.Should().ContainSingle(p => p.Code == "bad-timer" && p.ElementId == "yearly");
        (await kx.Engine.Queries.ListDefinitionsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Reminders_missed_while_the_host_was_down_fire_once_not_once_per_missed_hour()
    {
        await using var kx = await TestEngine.StartAsync(new RecordingHandler("notice.remind"));
        var key = await kx.DeployAsync(Reminders.Replace("R3/P7D", "R/PT1H"));
        var instance = await kx.StartAsync(key);

        kx.Clock.Advance(TimeSpan.FromDays(3)); // the host was down for three days
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        var next = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle().Subject;
        next.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(3).AddHours(1));
    }

    [Fact]
    public async Task A_timer_that_cannot_fire_is_tried_again_later_and_does_not_hold_up_the_others()
    {
        await using var kx = await TestEngine.StartAsync(new RecordingHandler("notice.remind"));
        var key = await kx.DeployAsync(Reminders);
        var broken = await kx.StartAsync(key);
        var healthy = await kx.StartAsync(key);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(kx.ConnectionString))
        {
            await connection.OpenAsync();
            var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE Instances SET State = '{', Revision = 'BROKEN' WHERE Id = $id"; // another writer left garbage
            corrupt.Parameters.AddWithValue("$id", broken.Id.ToString().ToUpperInvariant());
            (await corrupt.ExecuteNonQueryAsync()).Should().Be(1);
        }

        kx.Clock.Advance(TimeSpan.FromDays(7));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        (await kx.GetAsync(healthy.Id)).History.Should().ContainSingle(h => h.Kind == HistoryKind.TimerFired);
        var deferred = (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = broken.Id })).Single();
        deferred.DueAt.Should().BeAfter(kx.Clock.GetUtcNow().UtcDateTime);
    }
}
