using System.Text.Json;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// axe-core 4.14.1 (npm, tests/accessibility) run in the page, WCAG 2.0/2.1 A and AA rules, at the desktop width and on a
/// phone (375 px). A violation of impact serious or critical fails the test, with the rule, its help text and the elements.
/// </summary>
public static class Accessibility
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 720 };

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static string? _axe;

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "accessibility");

    /// <summary>Checks the page as it stands at 1280 px and at 375 px, and leaves it at the width it had.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var width = page.ViewportSize;
        var problems = new List<string>();
        foreach (var viewport in new[] { Desktop, Browser.Phone })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            problems.AddRange((await SeriousViolationsAsync(page)).Select(p => $"{viewport.Width} px: {p}"));
        }
        if (width is not null) await page.SetViewportSizeAsync(width.Width, width.Height);
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"axe finds {problems.Count} serious or critical violation(s) on {page.Url}:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// The serious and critical violations on the page at its current width, one line each. axe is evaluated through
    /// the browser's debugging protocol, which the page's Content-Security-Policy does not govern: the policy stays on.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(await AxeSourceAsync() + "\n;undefined");
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120)),
              }));
            }
            """, Tags);
        return result.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n    "
            + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))).ToList();
    }

    private static async Task<string> AxeSourceAsync()
    {
        if (_axe is not null) return _axe;
        await NodeProcess.EnsureInstalledAsync(Folder, "axe-core");
        return _axe = await File.ReadAllTextAsync(Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js"));
    }
}
