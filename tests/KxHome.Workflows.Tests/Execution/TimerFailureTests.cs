using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KxHome.Workflows.Tests.Execution;

/// <summary>A timer whose step keeps failing: logged, retried with back-off a limited number of times, then an incident to repair.</summary>
public class TimerFailureTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <intermediateCatchEvent id="wait" name="整改期满"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <userTask id="recheck" name="复核" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "recheck") + Bpmn.Flow("f3", "recheck", "end"));

    [Fact]
    public async Task A_timer_that_keeps_failing_is_logged_tried_three_times_then_raises_an_incident_whose_retry_fires_it()
    {
        await using var kx = await TestEngine.StartAsync();
        var logs = new LogCapture();
        kx.Service<ILoggerFactory>().AddProvider(logs);
        var instance = await kx.StartAsync(await kx.DeployAsync(Flow));
        var saved = await ReadStateAsync(kx, instance.Id);
        await WriteStateAsync(kx, instance.Id, "{ not a state"); // the case cannot be read: every firing fails

        kx.Clock.Advance(TimeSpan.FromDays(1));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        kx.Clock.Advance(TimeSpan.FromSeconds(30)); // the policy's back-off: 30 s, then 60 s
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        kx.Clock.Advance(TimeSpan.FromSeconds(60));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        kx.Clock.Advance(TimeSpan.FromDays(30));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0, "after three attempts the timer is no longer tried");
        logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Text.Contains("failed to fire")).Should().HaveCount(2);
        logs.Lines.Should().ContainSingle(l => l.Level == LogLevel.Error && l.Text.Contains("failed 3 times and is no longer tried"));

        await WriteStateAsync(kx, instance.Id, saved); // the administrator repairs the cause
        var broken = await kx.GetAsync(instance.Id);
        var incident = broken.Incidents.Should().ContainSingle(i => i.ResolvedAt == null).Subject;
        incident.Should().Match<IncidentView>(i => i.Kind == "timer-failed" && i.ElementId == "wait" && i.Message.StartsWith("期限事件触发失败 3 次"));
        broken.History.Where(h => h.Kind == HistoryKind.TimerFailed).Select(h => h.Data!["attempt"]!.GetValue<int>()).Should().Equal(1, 2);
        var skip = () => kx.Engine.ResolveIncidentAsync(incident.Id, "admin", null, "跳过");
        (await skip.Should().ThrowAsync<WorkflowException>()).Which.Code.Should().Be("incident-needs-retry", "a deadline cannot be declared done by hand");
        await kx.Engine.RetryIncidentAsync(incident.Id, "admin");
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        var repaired = await kx.GetAsync(instance.Id);
        repaired.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("recheck");
        repaired.Incidents.Should().ContainSingle().Which.ResolvedBy.Should().Be("admin");
    }

    [Fact]
    public async Task A_start_timer_that_keeps_failing_stops_after_three_attempts_and_the_log_says_how_to_repair_it()
    {
        await using var deployed = await TestEngine.StartAsync();
        await deployed.DeployAsync(Bpmn.Process("round", """
            <startEvent id="yearly"><timerEventDefinition><timeCycle>R/2026-03-03T01:00:00Z/P1Y</timeCycle></timerEventDefinition></startEvent>
            <userTask id="prepare" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "yearly", "prepare") + Bpmn.Flow("f2", "prepare", "end")));
        await deployed.Engine.DisposeAsync();
        await ExecuteAsync(deployed, "UPDATE Definitions SET Xml = '<definitions>damaged'"); // the stored flow can no longer be read
        await using var kx = await TestEngine.StartAsync(new Dictionary<string, string?> { ["Workflows:ConnectionString"] = deployed.ConnectionString });
        var logs = new LogCapture();
        kx.Service<ILoggerFactory>().AddProvider(logs);

        kx.Clock.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 5; i++)
        {
            (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
            kx.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        logs.Lines.Where(l => l.Text.Contains("failed to fire")).Should().HaveCount(2);
        logs.Lines.Should().ContainSingle(l => l.Level == LogLevel.Error && l.Text.Contains("publish the flow again"));
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery())).Should().ContainSingle("the start timer stays, for the next publication to replace");
    }

    private static async Task<string> ReadStateAsync(TestEngine kx, Guid id)
    {
        await using var db = new SqliteConnection(kx.ConnectionString);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT State FROM Instances WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    // A new revision as well, so the engine's cache of the state does not hide the change.
    private static Task WriteStateAsync(TestEngine kx, Guid id, string state) =>
        ExecuteAsync(kx, "UPDATE Instances SET State = $state, Revision = $revision WHERE Id = $id",
            ("$state", state), ("$revision", Guid.NewGuid()), ("$id", id));

    private static async Task ExecuteAsync(TestEngine kx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = new SqliteConnection(kx.ConnectionString);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0, sql);
    }
}
