using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Scenarios;

/// <summary>workflows/approval.bpmn end to end on a SQLite file: submit, review, decide, record.</summary>
public class ReferenceFlowScenarioTests
{
    [Fact]
    public async Task An_approved_application_is_recorded_and_ends_approved()
    {
        var record = new RecordingHandler("approval.record") { Output = new Dictionary<string, object?> { ["recordNo"] = "JD-2026-017" } };
        await using var kx = await TestEngine.StartAsync(record);
        var key = await kx.DeployAsync(RepositoryPaths.ReferenceFlow);
        var instance = await kx.StartAsync(key, businessKey: "JD-2026-017");

        var submit = (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = ["applicant"] })).Single();
        submit.FormKey.Should().Be("approval-submit");
        await kx.Engine.CompleteTaskAsync(submit.Id, "applicant1", Vars.Of(new { homeName = "菊园新区科技工作者之家", areaM2 = 60 }));
        var review = (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = ["district"] })).Single();
        review.DueAt.Should().Be(TestEngine.Epoch.UtcDateTime.AddDays(7));
        review.Priority.Should().Be(60);
        await kx.Engine.ClaimAsync(review.Id, "district1");
        await kx.Engine.CompleteTaskAsync(review.Id, "district1", Vars.Of(new { approved = true }), "符合认定条件");
        await kx.Engine.ExecuteDueJobsAsync();

        var done = await kx.GetAsync(instance.Id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.Variables["recordNo"]!.GetValue<string>().Should().Be("JD-2026-017");
        record.Calls.Single().Variables["homeName"]!.GetValue<string>().Should().Be("菊园新区科技工作者之家");
        done.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "approved_end");
        done.History.Should().Contain(h => h.Kind == HistoryKind.TaskCompleted && h.UserId == "district1" && h.Comment == "符合认定条件");
    }

    [Fact]
    public async Task A_rejected_application_takes_the_default_flow_and_runs_no_handler()
    {
        var record = new RecordingHandler("approval.record");
        await using var kx = await TestEngine.StartAsync(record);
        var key = await kx.DeployAsync(RepositoryPaths.ReferenceFlow);
        var instance = await kx.StartAsync(key);

        await kx.CompleteAsync(instance.Id, "submit", user: "applicant1");
        await kx.CompleteAsync(instance.Id, "review", new { approved = false }, user: "district1", comment: "场地面积不足30平方米");
        await kx.Engine.ExecuteDueJobsAsync();

        var done = await kx.GetAsync(instance.Id);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.History.Should().Contain(h => h.ElementId == "rejected_end");
        record.Calls.Should().BeEmpty();
    }
}
