using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class SubProcessTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" />
        <subProcess id="verify" name="基础核验">
          <startEvent id="v_start" /><userTask id="v_check" /><endEvent id="v_end" />
        """ + Bpmn.Flow("v1", "v_start", "v_check") + Bpmn.Flow("v2", "v_check", "v_end") + """
        </subProcess>
        <userTask id="after" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "verify") + Bpmn.Flow("f2", "verify", "after") + Bpmn.Flow("f3", "after", "end"));

    [Fact]
    public async Task Entering_runs_the_inner_flow_and_its_end_continues_the_outer_one()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key);
        instance.ActiveElements.Select(a => a.ElementId).Should().BeEquivalentTo("verify", "v_check");

        await kx.CompleteAsync(instance.Id, "v_check", new { passed = true });

        var after = await kx.GetAsync(instance.Id);
        after.ActiveElements.Select(a => a.ElementId).Should().Equal("after");
        after.Variables["passed"]!.GetValue<bool>().Should().BeTrue("task output goes to the process unless the sub-process holds the variable");
        after.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "verify");
    }

    [Fact]
    public async Task A_local_variable_lives_and_dies_with_the_sub_process_and_shadows_the_outer_one()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { note = "outer" });

        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["note"] = "inner" }, "admin", subProcessId: "verify");
        await kx.CompleteAsync(instance.Id, "v_check", new { note = "checked" });

        var after = await kx.GetAsync(instance.Id);
        after.Variables["note"]!.GetValue<string>().Should().Be("outer", "the task wrote the sub-process's own variable, gone with it");
    }
}
