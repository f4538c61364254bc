using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    /// <summary>
    /// Flows whose conditions never end, eat the memory or reach out of the sandbox: publishing is refused with the
    /// reason, or a case of one stops at once with an incident on the gateway; either way the host goes on serving.
    /// </summary>
    private static IEnumerable<Attack> Expressions()
    {
        yield return StartWithCondition("a condition that loops forever", "${(function () { while (true) {} })()}");
        yield return StartWithCondition("a condition that recurses without end", "${(function f(n) { return f(n + 1); })(0)}");
        yield return StartWithCondition("a condition that allocates a gigabyte", "${'x'.repeat(1024 * 1024 * 1024).length > 0}");
        yield return StartWithCondition("a condition that reaches for .NET", "${System.IO.File.Exists('/etc/passwd')}");
    }

    private static Attack StartWithCondition(string name, string condition) => new(name, async arena =>
    {
        var key = "hostile_" + Math.Abs(name.GetHashCode(StringComparison.Ordinal));
        var xml = Support.Bpmn.Process(key, $"""
            <startEvent id="s"/>
            <exclusiveGateway id="g" default="toPlain"/>
            <endEvent id="plain"/>
            <endEvent id="special"/>
            {Flow("f0", "s", "g")}
            {Support.Bpmn.Flow("toSpecial", "g", "special", condition)}
            {Flow("toPlain", "g", "plain")}
            """);
        var deployed = await arena.Admin.PostAsJsonAsync("/api/definitions", new { xml });
        return deployed.IsSuccessStatusCode ? await arena.Applicant.PostAsJsonAsync("/api/cases", new { definitionKey = key }) : deployed;
    })
    {
        Check = async (_, response) =>
        {
            if ((int)response.StatusCode >= 400) return await Attack.RefusalProblemAsync(response, says: null);
            var started = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            return started["incidents"]!.AsArray().Any(i => i!["elementId"]!.GetValue<string>() == "g") ? null
                : $"the case started ({(int)response.StatusCode}) without an incident on the condition: {started.ToJsonString()[..200]}";
        },
    };
}
