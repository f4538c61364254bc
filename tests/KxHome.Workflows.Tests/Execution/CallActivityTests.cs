using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class CallActivityTests
{
    private static string Parent(string attributes = "", string mappings = """
        <camunda:in source="homeName" target="name" /><camunda:in businessKey="#{execution.processBusinessKey}" />
        <camunda:out source="score" target="assessmentScore" />
        """) => Bpmn.Process("parent", $"""
        <startEvent id="start" />
        <callActivity id="assess" name="年度考核" calledElement="assessment" {attributes}>
          <extensionElements>{mappings}</extensionElements>
        </callActivity>
        <userTask id="decide" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "assess") + Bpmn.Flow("f2", "assess", "decide") + Bpmn.Flow("f3", "decide", "end"));

    private static string Child(string task = "score") => Bpmn.Process("assessment", $"""
        <startEvent id="s" /><userTask id="{task}" camunda:candidateGroups="district" /><endEvent id="e" />
        """ + Bpmn.Flow("g1", "s", task) + Bpmn.Flow("g2", task, "e"));

    private static async Task<InstanceView> ChildOf(TestEngine kx, Guid parentId)
    {
        var parent = await kx.GetAsync(parentId);
        var taskIds = await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = ["district"] });
        var childId = taskIds.Select(t => t.InstanceId).Distinct().Single(id => id != parentId);
        var child = await kx.GetAsync(childId);
        child.ParentInstanceId.Should().Be(parent.Id);
        return child;
    }

    [Fact]
    public async Task The_called_process_gets_its_inputs_and_its_result_comes_back_when_it_ends()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Child());
        var key = await kx.DeployAsync(Parent());
        var parent = await kx.StartAsync(key, new { homeName = "嘉定之家" }, businessKey: "JD-8");

        var child = await ChildOf(kx, parent.Id);
        child.BusinessKey.Should().Be("JD-8");
        child.Variables["name"]!.GetValue<string>().Should().Be("嘉定之家");
        parent.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("assess");

        await kx.CompleteAsync(child.Id, "score", new { score = 92 });

        (await kx.GetAsync(child.Id)).Status.Should().Be(InstanceStatus.Completed);
        var after = await kx.GetAsync(parent.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
        after.Variables["assessmentScore"]!.GetValue<int>().Should().Be(92);
        after.Variables.Should().NotContainKey("name");
    }

    [Fact]
    public async Task All_variables_can_go_in_and_out()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Child());
        var key = await kx.DeployAsync(Parent(mappings: """<camunda:in variables="all" /><camunda:out variables="all" />"""));
        var parent = await kx.StartAsync(key, new { homeName = "嘉定之家", year = 2026 });

        var child = await ChildOf(kx, parent.Id);
        child.Variables.Keys.Should().BeEquivalentTo("homeName", "year");
        await kx.CompleteAsync(child.Id, "score", new { score = 80 });

        (await kx.GetAsync(parent.Id)).Variables["score"]!.GetValue<int>().Should().Be(80);
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_the_called_case()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Child());
        var key = await kx.DeployAsync(Parent());
        var parent = await kx.StartAsync(key);
        var child = await ChildOf(kx, parent.Id);

        await kx.Engine.CancelAsync(parent.Id, "admin", "撤销申报");

        (await kx.GetAsync(child.Id)).Status.Should().Be(InstanceStatus.Cancelled);
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = child.Id })).Should().BeEmpty();
    }

    [Fact]
    public async Task The_called_case_s_incident_shows_on_the_caller()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Bpmn.Process("assessment", """
            <startEvent id="s" /><userTask id="score" camunda:dueDate="${deadline}" /><endEvent id="e" />
            """ + Bpmn.Flow("g1", "s", "score") + Bpmn.Flow("g2", "score", "e")));
        var key = await kx.DeployAsync(Parent(mappings: """<camunda:in source="deadline" target="deadline" />"""));

        var parent = await kx.StartAsync(key, new { deadline = "下个月" });

        var incident = (await kx.GetAsync(parent.Id)).Incidents.Should().ContainSingle().Subject;
        incident.InstanceId.Should().NotBe(parent.Id);
        incident.ElementId.Should().Be("score");
    }

    [Fact]
    public async Task A_called_process_that_is_not_deployed_is_an_incident_that_a_retry_fixes_once_it_is()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Parent());
        var parent = await kx.StartAsync(key);
        var incident = parent.Incidents.Should().ContainSingle().Subject;
        incident.Message.Should().Contain("assessment").And.Contain("未部署");

        await kx.DeployAsync(Child());
        await kx.Engine.RetryIncidentAsync(incident.Id, "admin");

        (await ChildOf(kx, parent.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("score");
    }

    [Fact]
    public async Task A_fixed_version_binding_calls_that_version()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Child("score"));
        await kx.DeployAsync(Child("score_v2"));
        var key = await kx.DeployAsync(Parent("""camunda:calledElementBinding="version" camunda:calledElementVersion="1" """));

        var parent = await kx.StartAsync(key);

        (await ChildOf(kx, parent.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("score");
    }

    [Theory]
    [InlineData("InclusiveGatewayTest.testJoinAfterCall.bpmn20.xml", "InclusiveGatewayTest.testJoinAfterCallSubProcess.bpmn20.xml")]
    public async Task The_corpus_call_activity_flows_run_to_the_end(string caller, string called)
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "camunda-bpm-platform", called)));
        var key = await kx.DeployAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "camunda-bpm-platform", caller)));
        var instance = await kx.StartAsync(key);

        for (var round = 0; round < 10 && (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery())).FirstOrDefault() is { } task; round++)
        {
            await kx.Engine.CompleteTaskAsync(task.Id, "kermit");
        }

        (await kx.GetAsync(instance.Id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task An_output_mapping_that_fails_is_an_incident_on_the_caller_and_the_called_case_still_ends()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Child());
        var key = await kx.DeployAsync(Parent(mappings: """<camunda:out sourceExpression="${result.total}" target="total" />"""));
        var parent = await kx.StartAsync(key);
        var child = await ChildOf(kx, parent.Id);

        await kx.CompleteAsync(child.Id, "score");

        (await kx.GetAsync(child.Id)).Status.Should().Be(InstanceStatus.Completed);
        var incident = (await kx.GetAsync(parent.Id)).Incidents.Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("assess");
        incident.Message.Should().Contain("result.total");
    }

    [Fact]
    public async Task When_the_first_called_case_ends_at_once_and_decides_the_others_they_are_never_started()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Bpmn.Process("assessment", """<startEvent id="s" /><endEvent id="e" />""" + Bpmn.Flow("g", "s", "e")));
        var key = await kx.DeployAsync(Bpmn.Process("parent", """
            <startEvent id="start" />
            <callActivity id="assess" calledElement="assessment">
              <multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality>
                <completionCondition>${nrOfCompletedInstances >= 1}</completionCondition></multiInstanceLoopCharacteristics>
            </callActivity>
            <userTask id="decide" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "assess") + Bpmn.Flow("f2", "assess", "decide") + Bpmn.Flow("f3", "decide", "end")));

        var parent = await kx.StartAsync(key);

        (await kx.GetAsync(parent.Id)).ActiveElements.Select(a => a.ElementId).Should().Equal("decide");
        var db = await kx.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<KxHome.Workflows.Persistence.WorkflowDbContext>>().CreateDbContextAsync();
        await using var _ = db;
        var children = db.Instances.Where(i => i.ParentInstanceId == parent.Id).ToList();
        children.Should().ContainSingle("the first one decided; the other two were withdrawn before they started");
    }

    [Fact]
    public async Task A_broadcast_that_reaches_a_caller_and_its_called_case_delivers_to_each_once()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Bpmn.Process("assessment", """
            <startEvent id="s" /><intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m" /></intermediateCatchEvent><endEvent id="e" />
            """ + Bpmn.Flow("g1", "s", "wait") + Bpmn.Flow("g2", "wait", "e")).Replace("<process ", """<message id="m" name="年度总结" /><process """));
        var key = await kx.DeployAsync(Parent(mappings: """<camunda:in businessKey="#{execution.processBusinessKey}" />""")
            .Replace("""<userTask id="decide" />""", """<userTask id="decide" /><boundaryEvent id="stop" attachedToRef="assess"><messageEventDefinition messageRef="m" /></boundaryEvent><endEvent id="stopped" /><sequenceFlow id="f9" sourceRef="stop" targetRef="stopped" />""")
            .Replace("<process ", """<message id="m" name="年度总结" /><process """));
        var parent = await kx.StartAsync(key, businessKey: "JD-9");

        var result = await kx.Engine.CorrelateMessageAsync(new MessageCorrelation("年度总结") { BusinessKey = "JD-9", All = true });

        result.InstanceIds.Should().NotBeEmpty();
        (await kx.GetAsync(parent.Id)).ActiveElements.Should().NotContain(a => a.ElementId == "assess", "whichever got it first, the call is over");
        (await kx.Engine.Queries.QueryTimersAsync(new TimerQuery())).Should().BeEmpty();
        var again = () => kx.Engine.CorrelateMessageAsync(new MessageCorrelation("年度总结") { BusinessKey = "JD-9", All = true });
        await again.Should().ThrowAsync<WorkflowNotFoundException>("nothing waits for it any more");
    }
}
