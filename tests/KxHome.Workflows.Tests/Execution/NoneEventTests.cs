using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class NoneEventTests
{
    [Fact]
    public async Task A_process_from_start_through_a_task_and_a_throw_event_to_end_completes_at_once()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><task id="note" /><intermediateThrowEvent id="mark" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "note") + Bpmn.Flow("f2", "note", "mark") + Bpmn.Flow("f3", "mark", "end")));

        var instance = await kx.StartAsync(key);

        instance.Status.Should().Be(InstanceStatus.Completed);
        instance.ActiveElements.Should().BeEmpty();
        instance.EndedAt.Should().Be(kx.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task An_instance_ends_only_when_its_last_token_reaches_an_end()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><parallelGateway id="fork" /><endEvent id="quick" /><userTask id="slow" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "fork") + Bpmn.Flow("f2", "fork", "quick") + Bpmn.Flow("f3", "fork", "slow") + Bpmn.Flow("f4", "slow", "end")));

        var instance = await kx.StartAsync(key);
        instance.Status.Should().Be(InstanceStatus.Active);
        await kx.CompleteAsync(instance.Id, "slow");

        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }
}
