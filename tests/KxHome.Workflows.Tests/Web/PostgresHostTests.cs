using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KxHome.Benchmarks;
using KxHome.Host.Identity;
using KxHome.Workflows.Tests.Persistence;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// The whole host on PostgreSQL with the demo data (homes, ledgers, associations, representative homes, cases): every
/// page and export its people reach from their menus answers, as it does on SQLite.
/// </summary>
public sealed partial class PostgresHostTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string[] Menus = ["/inbox", "/cases", "/homes", "/homes/assessments", "/homes/cultivation", "/associations",
        "/representatives", "/results", "/admin", "/reports/year-end", "/reports/dashboard"];

    [Fact]
    public async Task Every_page_the_demo_people_reach_answers_on_PostgreSQL()
    {
        var folder = Directory.CreateTempSubdirectory("kxhome-pg-host-").FullName;
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        try
        {
            using var host = await HostProcess.StartOnPostgresAsync(RepositoryPaths.Root, folder, await postgres.Server.NewDatabaseAsync(), url,
                new Dictionary<string, string> { ["Demo__Cases"] = "true" });
            var visited = 0;
            foreach (var login in new[] { "admin", "district", "applicant" })
            {
                using var person = await SignInAsync(url, login);
                var links = new SortedSet<string>(Menus);
                foreach (var menu in Menus)
                {
                    var page = await person.GetAsync(menu);
                    if (page.StatusCode != HttpStatusCode.OK) continue; // not this person's menu
                    foreach (Match link in Href().Matches(await page.Content.ReadAsStringAsync())) links.Add(WebUtility.HtmlDecode(link.Groups[1].Value));
                }
                foreach (var link in links.Where(l => !l.StartsWith("/logout", StringComparison.OrdinalIgnoreCase)))
                {
                    var answer = await person.GetAsync(link);
                    ((int)answer.StatusCode).Should().BeLessThan(500, $"{login} opens {link}: {await answer.Content.ReadAsStringAsync()}");
                    visited++;
                }
            }
            visited.Should().BeGreaterThan(100, "the demo data gives each person pages of homes, cases and associations");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpClient> SignInAsync(string url, string login)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60),
        };
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = $"{login}@kxhome.demo", password = DemoData.Password }))
            .EnsureSuccessStatusCode();
        return client;
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Href();
}
