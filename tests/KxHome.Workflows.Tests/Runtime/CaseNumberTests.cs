using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Runtime;

/// <summary>Every case gets a number people can say: the flow's prefix, the year it started, a sequence never reused.</summary>
public sealed class CaseNumberTests
{
    private static string Flow(string id, string? prefix) => Bpmn.Process(id, """
        <startEvent id="start" /><userTask id="apply" camunda:candidateGroups="applicant" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "apply") + Bpmn.Flow("f2", "apply", "end"))
        .Replace($"<process id=\"{id}\"", prefix is null ? $"<process id=\"{id}\"" : $"<process id=\"{id}\" kx:caseNumberPrefix=\"{prefix}\"");

    [Fact]
    public async Task Cases_are_numbered_by_prefix_and_year_and_a_number_is_never_given_twice()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Flow("certification", "认定"));
        await kx.DeployAsync(Flow("other", null));

        var first = await kx.StartAsync("certification");
        var second = await kx.StartAsync("certification");
        var other = await kx.StartAsync("other");
        await kx.Engine.CancelAsync(second.Id, "admin", "重复申报");
        var third = await kx.StartAsync("certification");
        kx.Clock.AdvanceTo(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)); // 2027-01-01 00:00 in Beijing
        var nextYear = await kx.StartAsync("certification");

        first.Number.Should().Be("认定-2026-0001");
        second.Number.Should().Be("认定-2026-0002");
        third.Number.Should().Be("认定-2026-0003", "a cancelled case keeps its number");
        other.Number.Should().Be("案件-2026-0001", "a flow naming no prefix numbers its cases 案件");
        nextYear.Number.Should().Be("认定-2027-0001");
        (await kx.Engine.Queries.QueryInstancesAsync(new InstanceQuery { Number = "认定-2026-0003" })).Should().ContainSingle().Which.Id.Should().Be(third.Id);
        (await kx.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = third.Id })).Single().CaseNumber.Should().Be("认定-2026-0003");
    }

    [Fact]
    public async Task Many_cases_started_at_once_get_numbers_in_order()
    {
        await using var kx = await TestEngine.StartAsync();
        await kx.DeployAsync(Flow("assessment", "考核"));

        var ids = await kx.Engine.StartManyAsync(Enumerable.Range(0, 3).Select(_ => new StartRequest("assessment")).ToList());

        var numbers = new List<string?>();
        foreach (var id in ids) numbers.Add((await kx.GetAsync(id)).Number);
        numbers.Should().Equal("考核-2026-0001", "考核-2026-0002", "考核-2026-0003");
    }
}
