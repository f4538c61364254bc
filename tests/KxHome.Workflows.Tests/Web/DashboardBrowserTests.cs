using System.Text.Json;
using KxHome.Host.Identity;
using KxHome.Host.Reports;
using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Reporting;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// The district's dashboard in Debian's Chromium: every chart is drawn by ECharts, and the table under it holds the
/// numbers the chart was given, which are the records' (two events in April and June, late news, a grade, a grant,
/// the open year-end case).
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_district_dashboard_draws_every_chart_and_its_table_holds_the_same_numbers()
    {
        using var drive = new HomeDriver(_host);
        await YearEndRecords.SeedAsync(drive);
        await drive.WithAsync<AppDbContext, int>(async db =>
        {
            var home = await db.Homes.SingleAsync(h => h.OrganisationId == "jd-materials");
            db.Assessments.Add(new Assessment { Id = Guid.CreateVersion7(), HomeId = home.Id, Year = 2025, Status = AssessmentStatus.Published, Grade = AssessmentGrade.Excellent });
            db.FundingEntries.Add(new FundingEntry { Id = Guid.CreateVersion7(), HomeId = home.Id, Kind = FundingKind.ConstructionGrant, Year = 2025, AmountFen = 8_000_000, Purpose = "建设资助" });
            return await db.SaveChangesAsync();
        });
        await drive.WithAsync<YearEndRound, int>(round => round.OpenAsync(2026));
        await drive.WaitAtAsync((await drive.Engine.Queries.QueryInstancesAsync(new() { BusinessKey = YearEndRound.BusinessKey("jd", 2026) })).Single().Id, "prepare");

        var page = await _browser.SignInAsync(_url, "district");
        await page.GotoAsync("/reports/dashboard?area=jd&year=2026");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("统计看板");
        var sections = page.Locator("section.card:has(figure.chart)");
        await Assertions.Expect(sections).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            var section = sections.Nth(i);
            var chart = section.Locator("figure.chart");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-drawn", "true");
            (await chart.Locator("svg path").CountAsync()).Should().BeGreaterThan(0, "ECharts drew the chart as SVG");
            var data = JsonDocument.Parse((await chart.GetAttributeAsync("data-chart"))!).RootElement;
            var rows = await section.Locator("table.chart-table tbody tr").AllAsync();
            var categories = data.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
            rows.Should().HaveCount(categories.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                (await rows[r].Locator("th").InnerTextAsync()).Should().Be(categories[r]);
                var cells = await rows[r].Locator("td").AllInnerTextsAsync();
                cells.Should().Equal(data.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("values")[r].GetDecimal().ToString("0.##")));
            }
        }
        await page.AssertAccessibleAsync();
        // The numbers are the records'.
        await Assertions.Expect(Row(page, "activities", "4月")).ToHaveTextAsync("1");
        await Assertions.Expect(Row(page, "activities", "6月")).ToHaveTextAsync("1");
        await Assertions.Expect(Row(page, "overdue", "活动新闻逾期未报")).ToHaveTextAsync("1"); // April's; June's is still ahead of the clock
        await Assertions.Expect(Row(page, "grades", "2025年")).ToHaveTextAsync("1");
        await Assertions.Expect(Row(page, "funding", "2025年")).ToHaveTextAsync("80000");
        await Assertions.Expect(Row(page, "cases", "年终统计报送 · 核对统计表并填写数量（R26）")).ToHaveTextAsync("1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "kxhome-dashboard.png"), FullPage = true }); // README's picture comes from here
    }

    /// <summary>The first number of a chart's row.</summary>
    private static ILocator Row(IPage page, string chart, string category) =>
        page.Locator($"table[data-chart-table='{chart}'] tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = category }) }).Locator("td").First;
}
