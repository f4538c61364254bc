using System.Net.Http.Json;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    private static readonly string[] Scripts =
    [
        "<script>alert('kx')</script>",
        "\"><img src=x onerror=alert('kx')>",
        "javascript:alert('kx')",
        "</textarea><svg onload=alert('kx')>",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    /// <summary>
    /// Script typed into every field the applicant and the district fill in: it is kept as text, and no page that shows
    /// it lets it run. (These are accepted, not refused: the check is on the pages.)
    /// </summary>
    private static IEnumerable<Attack> Fields()
    {
        foreach (var script in Scripts)
        {
            yield return new Attack($"script in every field: {script}", async arena =>
            {
                var started = await arena.Applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "approval", businessKey = script });
                var caseId = (await started.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
                var submit = await Arena.OpenTaskAsync(arena.Applicant, caseId);
                (await arena.Applicant.PostAsJsonAsync($"/api/tasks/{submit}/complete",
                    new { variables = new { homeName = script, contact = script }, comment = script })).EnsureSuccessStatusCode();
                return await (await arena.PagesAsync("district")).Http.GetAsync($"/cases/{caseId}");
            })
            {
                Check = async (arena, response) =>
                {
                    if (!response.IsSuccessStatusCode) return $"the district's case page answered {(int)response.StatusCode}";
                    var inbox = await (await arena.PagesAsync("district")).Http.GetStringAsync("/inbox");
                    return RawMarkup(await response.Content.ReadAsStringAsync()) is { } onPage ? $"the case page carries {onPage}"
                        : RawMarkup(inbox) is { } inInbox ? $"the inbox carries {inInbox}" : null;
                },
            };
        }
    }

    /// <summary>The injected markup as the browser would run it, if a page carries it unescaped.</summary>
    private static string? RawMarkup(string html) =>
        new[] { "<script>alert", "<img src=x", "<svg onload", "href=\"javascript:" }.FirstOrDefault(m => html.Contains(m, StringComparison.Ordinal));
}
