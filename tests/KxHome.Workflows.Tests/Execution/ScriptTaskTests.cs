using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class ScriptTaskTests
{
    private static string Flow(string script, string format = "javascript") => Bpmn.Process("p", $"""
        <startEvent id="start" />
        <scriptTask id="score" name="计算得分" scriptFormat="{format}" camunda:resultVariable="total"><script><![CDATA[{script}]]></script></scriptTask>
        <userTask id="review" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "score") + Bpmn.Flow("f2", "score", "review") + Bpmn.Flow("f3", "review", "end"));

    [Fact]
    public async Task A_javascript_expression_runs_in_the_sandbox_and_its_value_is_kept()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow("scores.reduce((sum, s) => sum + s, 0) * weight;"));

        var instance = await kx.StartAsync(key, new { scores = new[] { 80, 90 }, weight = 2 });

        instance.Variables["total"]!.GetValue<long>().Should().Be(340);
        instance.ActiveElements.Should().ContainSingle().Which.ElementId.Should().Be("review");
    }

    [Fact]
    public async Task A_script_that_fails_becomes_an_incident_on_the_task()
    {
        await using var kx = await TestEngine.StartAsync();

        var instance = await kx.StartAsync(await kx.DeployAsync(Flow("missing.length")));

        instance.Incidents.Should().ContainSingle().Which.ElementId.Should().Be("score");
    }

    [Theory]
    [InlineData("var x = 1; x", "javascript", "只能是一个 JavaScript 表达式")]
    [InlineData("execution.setVariable('a', 1); next()", "javascript", "只能是一个 JavaScript 表达式")]
    [InlineData("1 + 1", "groovy", "不支持 “groovy”")]
    public async Task Statements_and_other_languages_are_refused_with_the_reason(string script, string format, string message)
    {
        await using var kx = await TestEngine.StartAsync();

        var refusal = await FluentActions.Awaiting(() => kx.DeployAsync(Flow(script, format))).Should().ThrowAsync<BpmnValidationException>();

        var problem = refusal.Which.Problems.Should().ContainSingle().Subject;
        problem.ElementId.Should().Be("score");
        problem.Message.Should().Contain(message);
    }
}
