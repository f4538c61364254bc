using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Host.Reports;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Pages.Reports;

/// <summary>
/// 年终统计: Chengdu's tables 1-1, 1-2 and 1-3 (R26) for an area the viewer reports on, as on paper, with downloads
/// (xlsx, CSV) and the figures only the district knows, kept per year.
/// </summary>
public sealed class YearEndModel(
    ViewerAccessor viewers, YearEndTables tables, YearEndRound round, WorkflowEngine engine, TimeProvider clock, IOptions<WorkflowOptions> options) : PageModel
{
    /// <summary>The district's figures as typed; kept as text so a refusal shows exactly what was typed.</summary>
    public sealed class FiguresForm
    {
        public string? LocalEnterprises { get; set; }
        public string? ScienceEnterprises { get; set; }
        public string? IndustrialZones { get; set; }
    }

    /// <summary>The rows a table shows on the page; a province's 100,000 activities are for the download.</summary>
    public const int PageRows = 500;

    [BindProperty]
    public FiguresForm Figures { get; set; } = new();

    public IReadOnlyDictionary<string, string> FigureErrors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<Organisation> Areas { get; private set; } = [];
    public Organisation? Area { get; private set; }
    public int Year { get; private set; }
    public YearEndReport? Report { get; private set; }
    public IReadOnlyList<Sheet> Sheets { get; private set; } = [];

    /// <summary>Whether a table has more rows than the page shows.</summary>
    public bool Shortened { get; private set; }
    public bool KeepsFigures { get; private set; }
    public bool IsAdministrator { get; private set; }

    /// <summary>The year's report case of each district in the area (R26), by district id.</summary>
    public IReadOnlyDictionary<string, InstanceSummary> Cases { get; private set; } = new Dictionary<string, InstanceSummary>();

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(string? area, int? year) => await LoadAsync(area, year, keepTyped: false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFiguresAsync(string? area, int? year)
    {
        if (!await LoadAsync(area, year, keepTyped: true) || Area is null || !KeepsFigures) return NotFound();
        var problems = await tables.SaveFiguresAsync(Area, Year, Number(Figures.LocalEnterprises), Number(Figures.ScienceEnterprises),
            Number(Figures.IndustrialZones), (await viewers.GetAsync()).UserId);
        if (problems.Count > 0)
        {
            FigureErrors = problems;
            return Page();
        }
        Flash = $"{Year} 年度的企业和产业功能区数量已保存";
        return RedirectToPage(new { area = Area.Id, year = Year });
    }

    /// <summary>开启报送: an administrator opens the year's cases now (the round opens by itself on 11月1日).</summary>
    public async Task<IActionResult> OnPostOpenAsync(string? area, int? year)
    {
        if (!(await viewers.GetAsync()).IsAdministrator || year is not (>= 2000 and <= 2100)) return NotFound();
        var started = await round.OpenAsync(year.Value);
        Flash = started == 0 ? $"{year} 年度的报送案件均已开启" : $"已为 {started} 个区（市）县开启 {year} 年度的报送案件";
        return RedirectToPage(new { area, year });
    }

    private async Task<bool> LoadAsync(string? area, int? year, bool keepTyped)
    {
        var viewer = await viewers.GetAsync();
        Areas = await tables.AreasAsync(viewer);
        Year = year is >= 2000 and <= 2100 ? year.Value : BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone).Year;
        var chosen = area ?? Areas.FirstOrDefault(a => a.Id == viewer.OrganisationId)?.Id ?? Areas.FirstOrDefault()?.Id;
        if (chosen is null) return area is null; // no area to report on: the page says so
        Area = await tables.AreaAsync(viewer, chosen);
        if (Area is null) return false;
        IsAdministrator = viewer.IsAdministrator;
        Report = await tables.ReadAsync(Area, Year);
        var cases = new Dictionary<string, InstanceSummary>();
        foreach (var county in Report.Counties.Where(c => c.OrganisationId is not null))
        {
            var found = await engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = YearEndRound.BusinessKey(county.OrganisationId!, Year), Take = 1 });
            if (found.Count > 0) cases[county.OrganisationId!] = found[0];
        }
        Cases = cases;
        Shortened = Report.Enterprises.Count > PageRows || Report.Zones.Count > PageRows || Report.Activities.Count > PageRows;
        Sheets = YearEndSheets.All(Report with
        {
            Enterprises = Report.Enterprises.Take(PageRows).ToList(), Zones = Report.Zones.Take(PageRows).ToList(),
            Activities = Report.Activities.Take(PageRows).ToList(),
        });
        KeepsFigures = YearEndTables.KeepsFigures(viewer, Area) && Report.Counties.Any(c => c.OrganisationId == Area.Id);
        if (!keepTyped && Report.Counties.FirstOrDefault(c => c.OrganisationId == Area.Id)?.Figures is { } kept)
        {
            Figures = new FiguresForm
            {
                LocalEnterprises = kept.LocalEnterprises.ToString(), ScienceEnterprises = kept.ScienceEnterprises.ToString(),
                IndustrialZones = kept.IndustrialZones.ToString(),
            };
        }
        return true;
    }

    private static int? Number(string? text) => int.TryParse(text?.Trim(), out var n) ? n : null;
}
