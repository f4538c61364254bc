using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Runtime;

public class VirtualTimeTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Advancing_a_year_fires_each_deadline_at_its_own_time_in_order()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" />
            <intermediateCatchEvent id="notice"><timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="rectify" name="整改" />
            <boundaryEvent id="window" attachedToRef="rectify"><timerEventDefinition><timeDuration>P6M</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="done" /><endEvent id="revoked" />
            """ + Bpmn.Flow("f1", "start", "notice") + Bpmn.Flow("f2", "notice", "rectify") + Bpmn.Flow("f3", "rectify", "done")
              + Bpmn.Flow("f4", "window", "revoked")));
        var instance = await kx.StartAsync(key);
        var time = kx.Service<VirtualTime>();

        var fired = await time.AdvanceAsync("P1Y", Beijing);

        fired.Should().Be(2);
        time.Now.Should().Be(TestEngine.Epoch.AddYears(1));
        var firings = (await kx.GetAsync(instance.Id)).History.Where(h => h.Kind == HistoryKind.TimerFired).ToList();
        firings.Select(h => h.ElementId).Should().Equal("notice", "window");
        firings[0].At.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(30));
        firings[1].At.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(30).AddMonths(6), "the window opened when the notice fired");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task The_real_clock_cannot_be_moved()
    {
        var engine = await TestEngine.StartAsync();
        await using var _ = engine;
        var time = new VirtualTime(TimeProvider.System, engine.Engine, engine.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<KxHome.Workflows.Persistence.WorkflowDbContext>>(),
            engine.Service<Microsoft.Extensions.Options.IOptions<WorkflowOptions>>());

        var act = () => time.AdvanceAsync("P1D", Beijing);

        (await act.Should().ThrowAsync<WorkflowException>()).Which.Message.Should().Contain("Clock:Mode=Virtual");
    }

    [Fact]
    public async Task A_duration_that_cannot_be_read_is_refused()
    {
        await using var kx = await TestEngine.StartAsync();

        var act = () => kx.Service<VirtualTime>().AdvanceAsync("一年", Beijing);

        (await act.Should().ThrowAsync<WorkflowException>()).Which.Message.Should().Contain("一年");
    }
}
