using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;

namespace KxHome.Workflows.Tests.Scheduling;

public sealed class QuartzAlarmTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kxhome-quartz-{Guid.NewGuid():N}.db");

    private static string Flow(string duration) => Bpmn.Process("p", $"""
        <startEvent id="start" />
        <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>{duration}</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <userTask id="next" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "next") + Bpmn.Flow("f3", "next", "end"));

    private static Func<Task<bool>> MovedOn(WorkflowEngine engine, Guid id) =>
        async () => (await engine.Queries.GetInstanceAsync(id)).ActiveElements.Any(a => a.ElementId == "next");

    [Fact]
    public async Task Quartz_wakes_the_engine_when_a_timer_falls_due()
    {
        await using var host = await TimerHost.StartAsync(_file);
        await host.Engine.DeployAsync(Flow("PT1S"));

        var instance = await host.Engine.StartAsync(new StartRequest("p"));

        (await TimerHost.EventuallyAsync(MovedOn(host.Engine, instance.Id), TimeSpan.FromSeconds(20))).Should().BeTrue();
        (await host.Engine.Queries.GetInstanceAsync(instance.Id)).History.Count(h => h.Kind == HistoryKind.TimerFired).Should().Be(1);
    }

    [Fact]
    public async Task A_trigger_set_by_a_host_that_stopped_fires_once_in_the_next_host()
    {
        Guid id;
        await using (var first = await TimerHost.StartAsync(_file))
        {
            await first.Engine.DeployAsync(Flow("PT3S"));
            id = (await first.Engine.StartAsync(new StartRequest("p"))).Id;
            var timers = await first.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = id });
            timers.Should().ContainSingle("the first host stops before the timer is due");
        }

        await using var second = await TimerHost.StartAsync(_file);

        (await TimerHost.EventuallyAsync(MovedOn(second.Engine, id), TimeSpan.FromSeconds(30))).Should().BeTrue();
        (await second.Engine.Queries.GetInstanceAsync(id)).History.Count(h => h.Kind == HistoryKind.TimerFired).Should().Be(1);
    }

    [Fact]
    public async Task The_reconciler_schedules_a_timer_whose_trigger_was_lost()
    {
        Guid id;
        await using (var first = await TimerHost.StartAsync(_file))
        {
            await first.Engine.DeployAsync(Flow("PT2S"));
            id = (await first.Engine.StartAsync(new StartRequest("p"))).Id;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { ".scheduler", ".scheduler-wal", ".scheduler-shm" }) File.Delete(_file + suffix); // Quartz's store is lost

        await using var second = await TimerHost.StartAsync(_file);

        (await TimerHost.EventuallyAsync(MovedOn(second.Engine, id), TimeSpan.FromSeconds(30))).Should().BeTrue();
    }

    public void Dispose() => TimerHost.Delete(_file);
}
