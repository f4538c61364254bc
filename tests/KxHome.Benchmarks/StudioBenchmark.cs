using System.Diagnostics;
using Microsoft.Playwright;

namespace KxHome.Benchmarks;

/// <summary>
/// The studio's cold load in headless Chromium: a fresh browser context (empty cache) signed in as the demo
/// administrator navigates to the designer of the certification flow; the time runs until the diagram is imported.
/// The login page, loaded the same way in the same rounds, is the baseline.
/// </summary>
internal static class StudioBenchmark
{
    public sealed record Figures(double ColdLoadMs, double LoginPageMs);

    public static async Task<Figures> RunAsync(string root, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("kxhome-studio-bench-").FullName;
        try
        {
            var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
            using var host = await HostProcess.StartAsync(root, folder, Path.Combine(folder, "kxhome.db"), url);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var studio = new List<double>();
            var login = new List<double>();
            for (var round = 0; round < rounds + 1; round++) // the first round warms the host up and is not counted
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
                var page = await context.NewPageAsync();
                var watch = Stopwatch.StartNew();
                await page.GotoAsync("/login");
                await page.Locator("input[name=Email]").WaitForAsync();
                var loginMs = watch.Elapsed.TotalMilliseconds;
                await page.FillAsync("input[name=Email]", "admin@kxhome.demo");
                await page.FillAsync("input[name=Password]", "Demo@2026");
                await page.ClickAsync("button[type=submit]");
                await page.WaitForURLAsync(u => !u.Contains("/login"));
                watch.Restart();
                await page.GotoAsync("/studio/edit?id=certification:1");
                await page.Locator("#studio[data-ready=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                var studioMs = watch.Elapsed.TotalMilliseconds;
                if (round == 0) continue;
                studio.Add(studioMs);
                login.Add(loginMs);
            }
            return new Figures(Report.Median(studio), Report.Median(login));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
