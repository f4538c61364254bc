using System.Text.RegularExpressions;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// Every page a demo login can reach by following links from its start page, checked by axe at 1280 px and 375 px. A page
/// of one shape (the same path with other ids) is checked once, by the first login that reaches it.
/// </summary>
public sealed partial class AccessibilityBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const int MaxPages = 70;

    // Who sees the most first: the administrator, then each role's own pages.
    private static readonly string[] Logins = ["admin", "applicant", "district", "street", "expert", "committee", "jiangsu", "city"];

    [Fact]
    public async Task Every_page_a_demo_login_reaches_has_no_serious_or_critical_axe_violation()
    {
        await using var host = new TestHost();
        host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        var url = host.StartKestrel();
        var seen = new HashSet<string> { "/" };
        var checkedPages = new List<string>();
        var problems = new List<string>();
        var login0 = await browser.NewPageAsync(baseUrl: url);
        foreach (var path in new[] { "/login", "/status/404" })
        {
            await login0.GotoAsync(path);
            checkedPages.Add("(anonymous) " + path);
            try
            {
                await login0.AssertAccessibleAsync();
            }
            catch (Xunit.Sdk.XunitException e)
            {
                problems.Add(e.Message);
            }
        }
        await login0.Context.CloseAsync();

        foreach (var login in Logins)
        {
            var page = await browser.SignInAsync(url, login);
            var queue = new Queue<string>(["/"]);
            while (queue.TryDequeue(out var path) && checkedPages.Count < MaxPages)
            {
                var response = await page.GotoAsync(path);
                if (response is null || response.Status >= 400)
                {
                    problems.Add($"{login} {path}: HTTP {response?.Status}");
                    continue;
                }
                checkedPages.Add($"{login} {path}");
                try
                {
                    await page.AssertAccessibleAsync();
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    problems.Add($"{login}: {e.Message}");
                }
                var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.href)");
                foreach (var link in links.Select(l => new Uri(l)).Where(l => url.StartsWith(l.GetLeftPart(UriPartial.Authority))))
                {
                    var local = link.PathAndQuery;
                    if (IsDownloadOrAction(local) || !seen.Add(Shape(login, local))) continue;
                    queue.Enqueue(local);
                }
            }
            await page.Context.CloseAsync();
        }

        checkedPages.Should().HaveCountGreaterThan(40, "the crawl reaches the portal, inbox, task, case, homes, associations, representatives, reports and studio pages");
        problems.Should().BeEmpty($"these pages were checked:\n{string.Join("\n", checkedPages)}");
    }

    private static bool IsDownloadOrAction(string path) =>
        path.StartsWith("/api") || path.StartsWith("/logout") || path.Contains("export", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/file") || path.Contains(".xlsx") || path.Contains(".csv") || path.StartsWith("/dist") || path.Contains('#');

    /// <summary>
    /// The page's shape: ids replaced, query values dropped except for tabs and handlers, which change the page. A task
    /// page shows its step's own form, so each task is its own shape; a case page differs by who looks.
    /// </summary>
    private static string Shape(string login, string pathAndQuery)
    {
        if (pathAndQuery.StartsWith("/tasks/")) return pathAndQuery;
        if (pathAndQuery.StartsWith("/cases/")) login += " ";
        else login = "";
        var parts = pathAndQuery.Split('?', 2);
        var path = Id().Replace(parts[0], "{id}");
        if (parts.Length == 1) return login + path;
        var keys = parts[1].Split('&').Select(p => p.Split('=', 2))
            .Select(kv => kv[0] is "tab" or "handler" && kv.Length == 2 ? $"{kv[0]}={kv[1]}" : kv[0]).Order();
        return login + path + "?" + string.Join("&", keys);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)[0-9]+(?=/|$)")]
    private static partial Regex Id();
}
