using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class BoundaryTimerTests
{
    private static string Flow(bool interrupting) => Bpmn.Process("p", $"""
        <startEvent id="start" />
        <userTask id="review" name="区科协审核" />
        <boundaryEvent id="overdue" name="审核超期" attachedToRef="review" cancelActivity="{(interrupting ? "true" : "false")}">
          <timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition>
        </boundaryEvent>
        <userTask id="escalate" name="催办" /><endEvent id="done" /><endEvent id="escalated" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "done")
          + Bpmn.Flow("f3", "overdue", "escalate") + Bpmn.Flow("f4", "escalate", "escalated"));

    [Fact]
    public async Task An_interrupting_deadline_cancels_the_task_and_takes_the_escalation_path()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(interrupting: true));
        var instance = await kx.StartAsync(key);
        var review = await kx.OpenTaskAsync(instance.Id, "review");

        kx.Clock.Advance(TimeSpan.FromDays(7));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        (await kx.Engine.Queries.GetTaskAsync(review.Id)).State.Should().Be(UserTaskState.Cancelled);
        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("escalate");
        var late = () => kx.Engine.CompleteTaskAsync(review.Id, "approver1");
        (await late.Should().ThrowAsync<WorkflowConflictException>()).Which.Code.Should().Be("task-cancelled");
    }

    [Fact]
    public async Task A_non_interrupting_deadline_opens_a_reminder_and_the_task_stays_open()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(interrupting: false));
        var instance = await kx.StartAsync(key);

        kx.Clock.Advance(TimeSpan.FromDays(7));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("review", "escalate");
        await kx.CompleteAsync(instance.Id, "review");
        await kx.CompleteAsync(instance.Id, "escalate");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Completing_the_task_in_time_removes_its_deadline_and_nothing_fires_later()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(interrupting: true));
        var instance = await kx.StartAsync(key);
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().ContainSingle()
            .Which.ElementName.Should().Be("审核超期");

        await kx.CompleteAsync(instance.Id, "review");
        kx.Clock.Advance(TimeSpan.FromDays(30));

        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(0);
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_deadline_on_a_sub_process_cancels_everything_inside_it()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" />
            <subProcess id="material" name="补充材料">
              <startEvent id="s" /><parallelGateway id="fork" /><userTask id="a" /><userTask id="b" />
            """ + Bpmn.Flow("g1", "s", "fork") + Bpmn.Flow("g2", "fork", "a") + Bpmn.Flow("g3", "fork", "b") + """
            </subProcess>
            <boundaryEvent id="late" attachedToRef="material"><timerEventDefinition><timeDuration>P15D</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="end" /><endEvent id="closed" />
            """ + Bpmn.Flow("f1", "start", "material") + Bpmn.Flow("f2", "material", "end") + Bpmn.Flow("f3", "late", "closed")));
        var instance = await kx.StartAsync(key);

        kx.Clock.Advance(TimeSpan.FromDays(15));
        await kx.Engine.ExecuteDueTimersAsync();

        var after = await kx.GetAsync(instance.Id);
        after.Status.Should().Be(InstanceStatus.Completed);
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).Should().BeEmpty("both tasks inside were cancelled");
    }

    [Fact]
    public async Task Of_several_deadlines_on_one_task_the_earliest_wins_and_the_others_are_dropped()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus,
            "camunda-bpm-platform/BoundaryTimerEventTest.testMultipleTimersOnUserTask.bpmn20.xml")));
        var instance = await kx.StartAsync(key);
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().HaveCount(3);

        kx.Clock.Advance(TimeSpan.FromHours(4));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1, "the first (PT1H) cancels the task and with it the other two");

        (await kx.GetAsync(instance.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("thirdTask");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = instance.Id })).Should().BeEmpty();
        await kx.CompleteAsync(instance.Id, "thirdTask");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }
}
