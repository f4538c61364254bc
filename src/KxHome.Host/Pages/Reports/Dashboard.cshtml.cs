using System.Text.Json;
using System.Text.Json.Serialization;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Host.Reports;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Pages.Reports;

/// <summary>统计看板: the charts of an area the viewer looks after (street, district, city staff), each with its numbers as a table.</summary>
public sealed class DashboardModel(ViewerAccessor viewers, Dashboard dashboard, AppDbContext db, TimeProvider clock, IOptions<WorkflowOptions> options) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public IReadOnlyList<Organisation> Areas { get; private set; } = [];
    public Organisation? Area { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<Dashboard.Chart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? area, int? year)
    {
        var viewer = await viewers.GetAsync();
        Areas = await dashboard.AreasAsync(viewer);
        Year = year is >= 2000 and <= 2100 ? year.Value : BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone).Year;
        var chosen = area ?? Areas.FirstOrDefault()?.Id;
        if (chosen is null) return area is null ? Page() : NotFound();
        Area = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == chosen);
        if (Area is null || !Dashboard.MayView(viewer, Area)) return NotFound();
        Charts = await dashboard.ChartsAsync(Area, Year);
        return Page();
    }

    /// <summary>What the page's script draws (dashboard.js): the chart's kind, categories and series.</summary>
    public static string DataOf(Dashboard.Chart chart) => JsonSerializer.Serialize(new
    {
        kind = chart.Kind, categories = chart.Categories, series = chart.Series.Select(s => new { name = s.Name, values = s.Values }),
    }, Json);
}
