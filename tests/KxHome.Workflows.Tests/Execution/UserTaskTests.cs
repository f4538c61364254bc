using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class UserTaskTests
{
    private static string Flow(string attributes) => Bpmn.Process("p", $"""
        <startEvent id="start" /><userTask id="review" name="审核" {attributes} /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end"));

    [Fact]
    public async Task Attributes_are_evaluated_when_the_task_is_created()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""
            camunda:assignee="${reviewer}" camunda:candidateUsers="u1, u2" camunda:candidateGroups="${groups}"
            camunda:formKey="review-form" camunda:dueDate="P3D" camunda:priority="${urgent ? 90 : 10}"
            """));

        var instance = await kx.StartAsync(key, new { reviewer = "zhang", groups = new[] { "district", "expert" }, urgent = true });

        var task = await kx.OpenTaskAsync(instance.Id, "review");
        task.Assignee.Should().Be("zhang");
        task.CandidateUsers.Should().BeEquivalentTo("u1", "u2");
        task.CandidateGroups.Should().BeEquivalentTo("district", "expert");
        task.FormKey.Should().Be("review-form");
        task.Priority.Should().Be(90);
        task.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(3));
    }

    [Fact]
    public async Task A_due_date_alone_means_the_end_of_that_day_in_Beijing()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""camunda:dueDate="2026-06-15" """));

        var instance = await kx.StartAsync(key);

        (await kx.OpenTaskAsync(instance.Id, "review")).DueAt.Should().Be(new DateTime(2026, 6, 15, 15, 59, 59, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_due_date_that_cannot_be_read_is_an_incident_not_a_crash()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""camunda:dueDate="${'next week'}" """));

        var instance = await kx.StartAsync(key);

        instance.Status.Should().Be(InstanceStatus.Active);
        instance.Incidents.Should().ContainSingle().Which.Should().Match<IncidentView>(i => i.ElementId == "review" && i.Kind == "bad-due-date");
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id })).Should().BeEmpty();
    }

    [Fact]
    public async Task Completing_sets_the_output_variables_and_records_who_when_and_why()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow(""));
        var instance = await kx.StartAsync(key);
        kx.Clock.Advance(TimeSpan.FromHours(2));

        await kx.CompleteAsync(instance.Id, "review", new { approved = true, score = 92 }, user: "li", comment: "材料齐全");

        var after = await kx.GetAsync(instance.Id);
        after.Variables["score"]!.GetValue<long>().Should().Be(92);
        var completed = after.History.Should().ContainSingle(h => h.Kind == HistoryKind.TaskCompleted).Subject;
        completed.UserId.Should().Be("li");
        completed.Comment.Should().Be("材料齐全");
        completed.At.Should().Be(TestEngine.Epoch.UtcDateTime.AddHours(2));
        completed.Data!["approved"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_task_held_by_someone_else_cannot_be_completed_by_me()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""camunda:candidateGroups="district" """));
        var instance = await kx.StartAsync(key);
        var task = await kx.OpenTaskAsync(instance.Id, "review");
        await kx.Engine.ClaimAsync(task.Id, "wang");

        var act = () => kx.Engine.CompleteTaskAsync(task.Id, "li");

        (await act.Should().ThrowAsync<WorkflowException>()).Which.Code.Should().Be("task-assigned-to-other");
        var claimAgain = () => kx.Engine.ClaimAsync(task.Id, "li");
        (await claimAgain.Should().ThrowAsync<WorkflowConflictException>()).Which.Message.Should().Contain("wang");
    }

    [Fact]
    public async Task Tasks_can_be_found_by_assignee_candidate_group_instance_and_business_key()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""camunda:candidateGroups="district" """));
        var first = await kx.StartAsync(key, businessKey: "JD-2026-001");
        await kx.StartAsync(key, businessKey: "JD-2026-002");
        var task = await kx.OpenTaskAsync(first.Id, "review");
        await kx.Engine.ClaimAsync(task.Id, "wang");

        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = ["district"] })).Should().HaveCount(2);
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = ["city"] })).Should().BeEmpty();
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { Assignee = "wang" })).Should().ContainSingle().Which.Id.Should().Be(task.Id);
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { BusinessKey = "JD-2026-002" })).Should().ContainSingle();
    }

    [Fact]
    public async Task Completing_a_task_answers_with_the_tasks_it_opened_as_a_later_query_sees_them()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" /><userTask id="submit" /><parallelGateway id="fork" />
            <userTask id="district" camunda:candidateGroups="district" camunda:dueDate="P7D" />
            <userTask id="expert" camunda:assignee="${expert}" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "submit") + Bpmn.Flow("f2", "submit", "fork")
              + Bpmn.Flow("f3", "fork", "district") + Bpmn.Flow("f4", "fork", "expert")));
        var instance = await kx.StartAsync(key, new { expert = "wang" });

        var outcome = await kx.Engine.CompleteTaskAsync(instance.ActiveElements[0].TaskId!.Value, "applicant1");

        outcome.InstanceId.Should().Be(instance.Id);
        outcome.Status.Should().Be(InstanceStatus.Active);
        var queried = await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id });
        outcome.OpenedTasks.Should().BeEquivalentTo(queried, "the answer carries the stored tasks, revisions included");
        outcome.OpenedTasks.Select(t => t.ElementId).Should().BeEquivalentTo("district", "expert");
    }

    [Fact]
    public async Task The_instance_returned_by_start_is_the_one_a_later_read_returns()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("""camunda:candidateGroups="district" """));

        var started = await kx.StartAsync(key, new { home = "嘉定之家" }, businessKey: "JD-7");

        var read = await kx.GetAsync(started.Id);
        started.Should().BeEquivalentTo(read, o => o.Excluding(v => v.Variables).Excluding(v => v.History));
        started.History.Select(h => (h.Id, h.Kind, h.ElementId)).Should().Equal(read.History.Select(h => (h.Id, h.Kind, h.ElementId)));
        started.Variables["home"]!.GetValue<string>().Should().Be(read.Variables["home"]!.GetValue<string>());
    }
}
