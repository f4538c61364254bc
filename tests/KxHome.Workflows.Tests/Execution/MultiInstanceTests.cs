using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class MultiInstanceTests
{
    private static string Review(string loop) => Bpmn.Process("p", """
        <startEvent id="start" />
        <userTask id="review" name="专家评审" camunda:assignee="${expert}">
        """ + loop + """
        </userTask>
        <userTask id="decide" name="结论" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "decide") + Bpmn.Flow("f3", "decide", "end"));

    private static readonly object Experts = new { experts = new[] { "zhang", "li", "wang" } };

    private static async Task<IReadOnlyList<UserTaskView>> Open(TestEngine kx, Guid instanceId, string elementId = "review") =>
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId })).Where(t => t.ElementId == elementId).ToList();

    [Fact]
    public async Task Countersigning_needs_every_expert_and_then_moves_on() // 会签
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""<multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert" />"""));
        var instance = await kx.StartAsync(key, Experts);

        var tasks = await Open(kx, instance.Id);
        tasks.Select(t => t.Assignee).Should().BeEquivalentTo("zhang", "li", "wang");
        foreach (var task in tasks.Take(2)) await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee!);
        (await Open(kx, instance.Id, "decide")).Should().BeEmpty("one expert has not signed yet");

        await kx.Engine.CompleteTaskAsync(tasks[2].Id, tasks[2].Assignee!);

        (await Open(kx, instance.Id, "decide")).Should().ContainSingle();
        (await kx.GetAsync(instance.Id)).History.Count(h => h.Kind == HistoryKind.TaskCompleted && h.ElementId == "review").Should().Be(3);
    }

    [Fact]
    public async Task Any_one_signature_decides_and_the_other_tasks_are_withdrawn() // 或签
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""
            <multiInstanceLoopCharacteristics camunda:collection="experts" camunda:elementVariable="expert">
              <completionCondition>${nrOfCompletedInstances >= 1}</completionCondition>
            </multiInstanceLoopCharacteristics>
            """));
        var instance = await kx.StartAsync(key, Experts);
        var tasks = await Open(kx, instance.Id);

        await kx.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "li").Id, "li");

        (await Open(kx, instance.Id)).Should().BeEmpty();
        (await Open(kx, instance.Id, "decide")).Should().ContainSingle();
        foreach (var other in tasks.Where(t => t.Assignee != "li"))
        {
            (await kx.Engine.Queries.GetTaskAsync(other.Id)).State.Should().Be(UserTaskState.Cancelled);
        }
    }

    [Fact]
    public async Task Sequential_approval_offers_the_task_to_one_expert_after_another() // 依次审批
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""<multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${experts}" camunda:elementVariable="expert" />"""));
        var instance = await kx.StartAsync(key, Experts);

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var task = (await Open(kx, instance.Id)).Should().ContainSingle().Subject;
            order.Add(task.Assignee!);
            await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee!);
        }

        order.Should().Equal("zhang", "li", "wang");
        (await Open(kx, instance.Id, "decide")).Should().ContainSingle();
    }

    [Fact]
    public async Task Two_of_three_experts_are_enough()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""
            <multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert">
              <completionCondition>${nrOfCompletedInstances / nrOfInstances >= 2 / 3}</completionCondition>
            </multiInstanceLoopCharacteristics>
            """));
        var instance = await kx.StartAsync(key, Experts);
        var tasks = await Open(kx, instance.Id);

        await kx.Engine.CompleteTaskAsync(tasks[0].Id, tasks[0].Assignee!);
        (await Open(kx, instance.Id)).Should().HaveCount(2);
        await kx.Engine.CompleteTaskAsync(tasks[1].Id, tasks[1].Assignee!);

        (await Open(kx, instance.Id)).Should().BeEmpty();
        (await Open(kx, instance.Id, "decide")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_cardinality_runs_that_many_instances_each_seeing_its_loop_counter()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" />
            <userTask id="review" camunda:assignee="reviewer_${loopCounter}">
              <multiInstanceLoopCharacteristics><loopCardinality>${rounds}</loopCardinality></multiInstanceLoopCharacteristics>
            </userTask><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end")));

        var instance = await kx.StartAsync(key, new { rounds = 3 });

        (await Open(kx, instance.Id)).Select(t => t.Assignee).Should().BeEquivalentTo("reviewer_0", "reviewer_1", "reviewer_2");
    }

    [Fact]
    public async Task An_empty_collection_skips_the_activity()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""<multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert" />"""));

        var instance = await kx.StartAsync(key, new { experts = Array.Empty<string>() });

        instance.ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
    }

    [Fact]
    public async Task A_collection_that_is_not_a_list_is_an_incident_naming_the_activity()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""<multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert" />"""));

        var instance = await kx.StartAsync(key, new { experts = "zhang" });

        instance.Incidents.Should().ContainSingle().Which.Message.Should().Contain("专家评审").And.Contain("不是列表");
    }

    [Fact]
    public async Task A_deadline_on_the_whole_review_withdraws_every_open_task()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus,
            "camunda-bpm-platform/MultiInstanceTest.testParallelUserTasksWithTimer.bpmn20.xml")));
        var instance = await kx.StartAsync(key);
        (await Open(kx, instance.Id, "miTasks")).Should().HaveCount(3);

        kx.Clock.Advance(TimeSpan.FromHours(2));
        (await kx.Engine.ExecuteDueTimersAsync()).Should().Be(1);

        (await Open(kx, instance.Id, "miTasks")).Should().BeEmpty();
        await kx.CompleteAsync(instance.Id, "taskAfterTimer");
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Nested_multi_instance_sub_processes_from_the_corpus_run_to_the_end()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus,
            "camunda-bpm-platform/MultiInstanceTest.testNestedMultiInstanceTasks.bpmn20.xml")));
        var instance = await kx.StartAsync(key, new { subProcesses = new[] { "a", "b" }, assignees = new[] { "x", "y", "z" } });

        var tasks = await Open(kx, instance.Id, "miTasks");
        tasks.Should().HaveCount(6);
        foreach (var task in tasks) await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee!);

        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task The_standard_loop_data_input_form_from_the_corpus_runs_with_its_completion_ratio()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus,
            "camunda-bpm-platform/MultiInstanceTest.testParallelUserTasksBasedOnCollection.bpmn20.xml")));
        var instance = await kx.StartAsync(key, new { assigneeList = new[] { "kermit", "gonzo", "mispiggy", "fozzie", "bubba" } });

        var tasks = await Open(kx, instance.Id, "miTasks");
        tasks.Select(t => t.Assignee).Should().BeEquivalentTo("kermit", "gonzo", "mispiggy", "fozzie", "bubba");
        foreach (var task in tasks.Take(3)) await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee!);

        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed, "3 of 5 is at least 0.6");
    }

    [Fact]
    public async Task A_completion_condition_that_fails_stops_that_instance_with_an_incident_and_a_retry_counts_it()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Review("""
            <multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert">
              <completionCondition>${approvals >= 2}</completionCondition>
            </multiInstanceLoopCharacteristics>
            """));
        var instance = await kx.StartAsync(key, Experts);
        var tasks = await Open(kx, instance.Id);

        await kx.Engine.CompleteTaskAsync(tasks[0].Id, tasks[0].Assignee!);

        var incident = (await kx.GetAsync(instance.Id)).Incidents.Should().ContainSingle().Subject;
        (await Open(kx, instance.Id)).Should().HaveCount(2, "the other experts go on");
        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["approvals"] = 2 }, "admin");
        await kx.Engine.RetryIncidentAsync(incident.Id, "admin");

        (await Open(kx, instance.Id)).Should().BeEmpty("the condition now holds");
        (await Open(kx, instance.Id, "decide")).Should().ContainSingle();
    }
}
