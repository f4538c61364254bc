using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Reports;

/// <summary>
/// The staff's dashboard for an area (a street, district, city or province) and year: homes by status, grades by
/// year, activities per month by category, funding paid per year by kind, overdue items, and open cases by programme
/// and step. Each chart is numbers first: the page draws it and shows the same numbers as a table. A province's list
/// of homes goes to the database as one parameter (<see cref="EF.Parameter{T}"/>): EF's default, a parameter per id,
/// cost seconds for 10,000 homes.
/// </summary>
public sealed class Dashboard(AppDbContext db, WorkflowEngine engine, FiguresReader figures, NewsDesk news, TimeProvider clock)
{
    public enum Look
    {
        Bar,
        Stacked,
        Pie,
    }

    public sealed record Series(string Name, IReadOnlyList<decimal> Values);

    /// <summary>A chart: what it counts (<see cref="Unit"/>), its categories (the x axis, or the pie's slices) and series.</summary>
    public sealed record Chart(string Id, string Title, Look Kind, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<Series> Series);

    private static readonly OrganisationKind[] AreaKinds = [OrganisationKind.Street, OrganisationKind.District, OrganisationKind.City, OrganisationKind.Province];

    public static bool MayView(Viewer viewer, Organisation area) =>
        AreaKinds.Contains(area.Kind)
        && (viewer.IsAdministrator || (viewer.CanSee(area.Id) && viewer.Roles.Any(r => r is Roles.Street or Roles.District or Roles.City or Roles.Province)));

    /// <summary>The areas the viewer may look at, its own first.</summary>
    public async Task<IReadOnlyList<Organisation>> AreasAsync(Viewer viewer)
    {
        var all = await db.Organisations.AsNoTracking().Where(o => AreaKinds.Contains(o.Kind)).ToListAsync();
        return all.Where(o => MayView(viewer, o)).OrderBy(o => o.Id == viewer.OrganisationId ? 0 : 1).ThenByDescending(o => o.Kind).ThenBy(o => o.Name).ToList();
    }

    public async Task<IReadOnlyList<Chart>> ChartsAsync(Organisation area, int year)
    {
        var owners = (await OrganisationTree.LoadAsync(db)).Subtree(area.Id);
        var homes = await db.Homes.AsNoTracking().Where(h => EF.Parameter(owners).Contains(h.OrganisationId)).OrderBy(h => h.Name).ToListAsync();
        var ids = homes.Select(h => h.Id).ToList();
        return
        [
            HomesByStatus(homes),
            await GradesAsync(ids),
            await ActivitiesAsync(ids, year),
            await FundingAsync(ids),
            await OverdueAsync(homes, owners, year),
            await CasesAsync(owners),
        ];
    }

    private static Chart HomesByStatus(List<Home> homes)
    {
        var statuses = Enum.GetValues<HomeStatus>().Where(s => homes.Any(h => h.Status == s)).ToList();
        return new Chart("homes", "之家（按状态）", Look.Pie, "个", statuses.Select(Names.Of).ToList(),
            [new Series("之家", statuses.Select(s => (decimal)homes.Count(h => h.Status == s)).ToList())]);
    }

    private async Task<Chart> GradesAsync(List<Guid> ids)
    {
        var graded = await db.Assessments.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.HomeId) && a.Grade != null)
            .GroupBy(a => new { a.Year, a.Grade }).Select(g => new { g.Key.Year, g.Key.Grade, Count = g.Count() }).ToListAsync();
        var years = graded.Select(g => g.Year).Distinct().Order().ToList();
        return new Chart("grades", "年度考核等级（按年度）", Look.Stacked, "个", years.Select(y => $"{y}年").ToList(),
            Enum.GetValues<AssessmentGrade>().Select(grade => new Series(Names.Of(grade),
                years.Select(y => (decimal)(graded.FirstOrDefault(g => g.Year == y && g.Grade == grade)?.Count ?? 0)).ToList())).ToList());
    }

    private async Task<Chart> ActivitiesAsync(List<Guid> ids, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var held = await db.ServiceEvents.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.HomeId) && e.HeldOn >= first && e.HeldOn <= last)
            .Select(e => new { e.HeldOn, e.Category }).ToListAsync();
        var categories = Enum.GetValues<ServiceEventCategory>().Where(c => held.Any(e => e.Category == c)).ToList();
        return new Chart("activities", $"{year}年每月活动（按类别）", Look.Stacked, "场", Enumerable.Range(1, 12).Select(m => $"{m}月").ToList(),
            categories.Select(c => new Series(Names.Of(c),
                Enumerable.Range(1, 12).Select(m => (decimal)held.Count(e => e.Category == c && e.HeldOn.Month == m)).ToList())).ToList());
    }

    private async Task<Chart> FundingAsync(List<Guid> ids)
    {
        var paid = await db.FundingEntries.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.HomeId))
            .GroupBy(f => new { f.Year, f.Kind }).Select(g => new { g.Key.Year, g.Key.Kind, Fen = g.Sum(f => f.AmountFen) }).ToListAsync();
        var years = paid.Select(p => p.Year).Distinct().Order().ToList();
        var kinds = Enum.GetValues<FundingKind>().Where(k => paid.Any(p => p.Kind == k)).ToList();
        return new Chart("funding", "经费（按年度和类别）", Look.Bar, "元", years.Select(y => $"{y}年").ToList(),
            kinds.Select(k => new Series(Names.Of(k),
                years.Select(y => (paid.FirstOrDefault(p => p.Year == y && p.Kind == k)?.Fen ?? 0) / 100m).ToList())).ToList());
    }

    private async Task<Chart> OverdueAsync(List<Home> homes, List<string> owners, int year)
    {
        var kept = homes.Where(h => HomeLifecycle.Assessed.Contains(h.Status)).ToList();
        var missingNews = (await news.ForAsync(kept)).Sum(h => h.Year.Missing);
        var missingReports = (await figures.ForAsync(kept, year)).Sum(l => l.Figures.MissingReportMonths.Count);
        var overdueTasks = await CountTasksAsync(new TaskQuery { Owners = owners, DueBefore = clock.GetUtcNow().UtcDateTime });
        return new Chart("overdue", "逾期事项", Look.Bar, "项", ["活动新闻逾期未报", "月度动态逾期未报", "待办超过期限"],
            [new Series("逾期", [missingNews, missingReports, overdueTasks])]);
    }

    private async Task<Chart> CasesAsync(List<string> owners)
    {
        var names = (await engine.Queries.LatestDefinitionsAsync()).ToDictionary(d => d.Key, d => d.Name ?? d.Key);
        var steps = new Dictionary<string, int>();
        for (var skip = 0; ; skip += 500)
        {
            var tasks = await engine.Queries.QueryTasksAsync(new TaskQuery { Owners = owners, Skip = skip, Take = 500 });
            foreach (var task in tasks.DistinctBy(t => (t.InstanceId, t.ElementId)))
            {
                var key = $"{names.GetValueOrDefault(task.DefinitionKey, task.DefinitionKey)} · {task.Name ?? task.ElementId}";
                steps[key] = steps.GetValueOrDefault(key) + 1;
            }
            if (tasks.Count < 500) break;
        }
        var ordered = steps.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        return new Chart("cases", "办理中的案件（按项目和环节）", Look.Bar, "件", ordered.Select(s => s.Key).ToList(),
            [new Series("案件", ordered.Select(s => (decimal)s.Value).ToList())]);
    }

    private async Task<decimal> CountTasksAsync(TaskQuery query)
    {
        var count = 0;
        for (var skip = 0; ; skip += 500)
        {
            var page = await engine.Queries.QueryTasksAsync(query with { Skip = skip, Take = 500 });
            count += page.Count;
            if (page.Count < 500) return count;
        }
    }
}
