using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Execution;

public class VariableTests
{
    private static readonly string Flow = Bpmn.Process("p", """
        <startEvent id="start" /><userTask id="wait" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "end"));

    [Fact]
    public async Task Every_json_type_survives_the_database()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var filedAt = new DateTimeOffset(2026, 6, 15, 10, 30, 0, TimeSpan.FromHours(8));

        var instance = await kx.StartAsync(key, new
        {
            name = "科技工作者之家",
            areaM2 = 42.5,
            activities = 6,
            certified = false,
            filedAt,
            members = new[] { "张三", "李四" },
            address = new Dictionary<string, object?> { ["district"] = "嘉定", ["street"] = "菊园" },
            nothing = (string?)null,
        });

        var v = (await kx.GetAsync(instance.Id)).Variables;
        v["name"]!.GetValue<string>().Should().Be("科技工作者之家");
        v["areaM2"]!.GetValue<double>().Should().Be(42.5);
        v["activities"]!.GetValue<long>().Should().Be(6);
        v["certified"]!.GetValue<bool>().Should().BeFalse();
        VariableValues.TryReadDateTime(v["filedAt"]!.GetValue<string>(), out var readBack).Should().BeTrue();
        readBack.Should().Be(filedAt);
        v["members"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal("张三", "李四");
        v["address"]!["street"]!.GetValue<string>().Should().Be("菊园");
        v.Should().ContainKey("nothing").WhoseValue.Should().BeNull();
    }

    [Fact]
    public async Task Every_change_is_in_history_with_the_value_before_and_after()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Flow);
        var instance = await kx.StartAsync(key, new { score = 50 });

        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["score"] = 75, ["unchanged"] = null }, "admin");
        await kx.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["score"] = 75 }, "admin");

        var changes = (await kx.GetAsync(instance.Id)).History.Where(h => h.Kind == HistoryKind.VariableSet && h.Data!["name"]!.GetValue<string>() == "score").ToList();
        changes.Should().HaveCount(2, "setting the same value again is not a change");
        changes[1].UserId.Should().Be("admin");
        changes[1].Data!["previous"]!.GetValue<long>().Should().Be(50);
        changes[1].Data!["value"]!.GetValue<long>().Should().Be(75);
    }

    [Fact]
    public async Task The_initiator_variable_holds_who_started_the_case_and_can_assign_a_task_to_them()
    {
        await using var kx = await TestEngine.StartAsync();
        var key = await kx.DeployAsync(Bpmn.Process("p", """
            <startEvent id="start" camunda:initiator="applicant" />
            <userTask id="supplement" name="补充材料" camunda:assignee="${applicant}" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "supplement") + Bpmn.Flow("f2", "supplement", "end")));

        var instance = await kx.StartAsync(key);

        instance.Variables["applicant"]!.GetValue<string>().Should().Be("applicant1");
        (await kx.OpenTaskAsync(instance.Id, "supplement")).Assignee.Should().Be("applicant1");
    }
}
