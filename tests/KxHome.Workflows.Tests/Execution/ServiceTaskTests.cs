using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ServiceTaskTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <serviceTask id="grant" name="发放建设资助" camunda:type="external" camunda:topic="funding.grant" />
        <userTask id="confirm" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "grant") + Bpmn.Flow("f2", "grant", "confirm") + Bpmn.Flow("f3", "confirm", "end"));

    private static Dictionary<string, string?> Retry(int attempts) => new()
    {
        ["Workflows:Topics:funding.grant:Attempts"] = attempts.ToString(),
        ["Workflows:Topics:funding.grant:FirstBackoff"] = "00:01:00",
        ["Workflows:Topics:funding.grant:BackoffFactor"] = "2",
    };

    [Fact]
    public async Task The_handler_for_the_topic_runs_after_commit_with_the_variables_and_its_output_moves_the_case_on()
    {
        var handler = new RecordingHandler("funding.grant") { Output = new Dictionary<string, object?> { ["grantFen"] = 8_000_000 } };
        await using var kx = await TestEngine.StartAsync(handler);
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { home = "嘉定工业区之家" }, businessKey: "JD-1");
        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("grant");

        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(1);

        var call = handler.Calls.Should().ContainSingle().Subject;
        call.BusinessKey.Should().Be("JD-1");
        call.Variables["home"]!.GetValue<string>().Should().Be("嘉定工业区之家");
        var after = await kx.GetAsync(instance.Id);
        after.Variables["grantFen"]!.GetValue<long>().Should().Be(8_000_000);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("confirm");
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the job is done and gone");
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_then_becomes_an_incident_and_nothing_is_lost()
    {
        var handler = new RecordingHandler("funding.grant") { FailTimes = 10 };
        await using var kx = await TestEngine.StartAsync(Retry(3), handler);
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.Engine.ExecuteDueJobsAsync();
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the second attempt waits a minute");
        kx.Clock.Advance(TimeSpan.FromMinutes(1));
        await kx.Engine.ExecuteDueJobsAsync();
        kx.Clock.Advance(TimeSpan.FromMinutes(1));
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the third attempt waits two minutes");
        kx.Clock.Advance(TimeSpan.FromMinutes(1));
        await kx.Engine.ExecuteDueJobsAsync();

        handler.Calls.Should().HaveCount(3);
        var after = await kx.GetAsync(instance.Id);
        after.Status.Should().Be(InstanceStatus.Active);
        var incident = after.Incidents.Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("grant");
        incident.Message.Should().Contain("外部系统不可用");
        after.ActiveElements.Should().ContainSingle().Which.IncidentId.Should().Be(incident.Id);
        after.History.Count(h => h.Kind == HistoryKind.JobFailed).Should().Be(2);
        kx.Clock.Advance(TimeSpan.FromDays(1));
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0, "an incident waits for an administrator");
    }

    [Fact]
    public async Task Retrying_an_incident_runs_the_handler_again_and_the_case_goes_on()
    {
        var handler = new RecordingHandler("funding.grant") { FailTimes = 1 };
        await using var kx = await TestEngine.StartAsync(Retry(1), handler);
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        await kx.Engine.ExecuteDueJobsAsync();
        var incident = (await kx.GetAsync(instance.Id)).Incidents.Single();

        await kx.Engine.RetryIncidentAsync(incident.Id, "admin");
        await kx.Engine.ExecuteDueJobsAsync();

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("confirm");
        after.Incidents.Single().ResolvedBy.Should().Be("admin");
        handler.Calls.Should().HaveCount(2);
    }

    [Fact]
    public async Task Resolving_an_incident_by_hand_moves_the_case_on_without_the_handler()
    {
        var handler = new RecordingHandler("funding.grant") { FailTimes = 5 };
        await using var kx = await TestEngine.StartAsync(Retry(1), handler);
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        await kx.Engine.ExecuteDueJobsAsync();
        var incident = (await kx.GetAsync(instance.Id)).Incidents.Single();

        await kx.Engine.ResolveIncidentAsync(incident.Id, "admin", new Dictionary<string, object?> { ["grantFen"] = 100 }, "已线下拨付");

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("confirm");
        after.Variables["grantFen"]!.GetValue<long>().Should().Be(100);
        after.History.Should().Contain(h => h.Kind == HistoryKind.IncidentResolved && h.Comment == "已线下拨付");
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_topic_without_a_handler_is_an_incident_that_says_so()
    {
        await using var kx = await TestEngine.StartAsync(Retry(1));
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.Engine.ExecuteDueJobsAsync();

        (await kx.GetAsync(instance.Id)).Incidents.Single().Message.Should().Contain("funding.grant");
    }

    [Fact]
    public async Task A_cancelled_case_drops_its_job_and_the_handler_never_runs()
    {
        var handler = new RecordingHandler("funding.grant");
        await using var kx = await TestEngine.StartAsync(handler);
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);

        await kx.Engine.CancelAsync(instance.Id, "admin", "申报撤回");

        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0);
        handler.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_job_is_held_by_the_host_that_created_it_and_another_host_takes_it_over_once_the_lock_expires()
    {
        var creator = new RecordingHandler("funding.grant");
        var other = new RecordingHandler("funding.grant");
        await using var kx = await TestEngine.StartAsync(creator);
        await using var second = await TestEngine.StartAsync(
            new Dictionary<string, string?> { ["Workflows:ConnectionString"] = kx.ConnectionString }, other);
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key); // the creating host dies before it runs the job

        (await second.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the creating host still holds the job");
        second.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        (await second.Engine.ExecuteDueJobsAsync()).Should().Be(1);

        other.Calls.Should().ContainSingle();
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the job was taken over, so its creator must not run it again");
        creator.Calls.Should().BeEmpty();
        (await kx.GetAsync(instance.Id)).ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("confirm");
    }

    [Fact]
    public async Task Job_runs_started_at_once_in_one_host_run_each_handler_once_even_after_its_lock_expired()
    {
        var handler = new RecordingHandler("funding.grant");
        await using var kx = await TestEngine.StartAsync(handler);
        var key = await kx.DeployAsync(Flow);
        await kx.StartAsync(key);
        kx.Clock.Advance(TimeSpan.FromMinutes(6)); // the job's lock has expired: any run may lock it again

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => kx.Engine.ExecuteDueJobsAsync())));

        runs.Sum().Should().Be(1);
        handler.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task Tasks_from_Camunda_and_Flowable_run_the_handler_registered_under_their_class_bean_or_topic_name()
    {
        var flow = Bpmn.Process("p", """
            <startEvent id="start" />
            <serviceTask id="archive" camunda:class="org.example.ArchiveInvoiceService" />
            <sendTask id="notify" camunda:delegateExpression="#{emailAdapter}" />
            <businessRuleTask id="rate" camunda:topic="rating" />
            <serviceTask id="noop" xmlns:flowable="http://flowable.org/bpmn" flowable:class="org.flowable.delegate.NoopDelegate" />
            <endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "archive") + Bpmn.Flow("f2", "archive", "notify") + Bpmn.Flow("f3", "notify", "rate")
            + Bpmn.Flow("f4", "rate", "noop") + Bpmn.Flow("f5", "noop", "end"));
        var handlers = new[] { "org.example.ArchiveInvoiceService", "emailAdapter", "rating", "org.flowable.delegate.NoopDelegate" }
            .Select(topic => new RecordingHandler(topic)).ToArray();
        await using var kx = await TestEngine.StartAsync(handlers.ToArray<IServiceTaskHandler>());
        var instance = await kx.StartAsync(await kx.DeployAsync(flow));

        while (await kx.Engine.ExecuteDueJobsAsync() > 0) { }

        handlers.Should().AllSatisfy(h => h.Calls.Should().ContainSingle());
        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task An_expression_task_keeps_its_value_in_the_result_variable_without_a_job()
    {
        var flow = Bpmn.Process("p", """
            <startEvent id="start" />
            <serviceTask id="total" name="计算资助总额" camunda:expression="${perHome * homes}" camunda:resultVariable="totalFen" />
            <userTask id="confirm" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "total") + Bpmn.Flow("f2", "total", "confirm") + Bpmn.Flow("f3", "confirm", "end"));
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(flow), new { perHome = 50_000, homes = 3 });

        instance.Variables["totalFen"]!.GetValue<long>().Should().Be(150_000);
        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("confirm");
        (await kx.Engine.ExecuteDueJobsAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("""<serviceTask id="call" name="归档" />""", "须填写 camunda:topic")]
    [InlineData("""<serviceTask id="call" name="归档" camunda:type="mail" />""", "不支持 type=\"mail\"")]
    [InlineData("""<businessRuleTask id="call" name="归档" camunda:decisionRef="approvers" />""", "不支持 DMN 决策")]
    [InlineData("""<serviceTask id="call" name="归档" camunda:delegateExpression="${a.b()}" />""", "须只写一个名称")]
    public async Task A_task_without_a_way_to_run_it_is_refused_with_what_to_set(string task, string message)
    {
        await using var kx = await TestEngine.StartAsync();
        var flow = Bpmn.Process("p", "<startEvent id=\"start\" />" + task + "<endEvent id=\"end\" />"
            + Bpmn.Flow("f1", "start", "call") + Bpmn.Flow("f2", "call", "end"));

        var refusal = await FluentActions.Awaiting(() => kx.DeployAsync(flow)).Should().ThrowAsync<BpmnValidationException>();

        var problem = refusal.Which.Problems.Should().ContainSingle().Subject;
        problem.ElementId.Should().Be("call");
        problem.Message.Should().Contain(message).And.Contain("归档");
    }
}
