using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// What people look at about homes: the list of an area's homes with this year's figures and overdue items, and one
/// home's whole file (status, plaque, funding, ledgers, assessments, history and cases). Always limited to what the
/// viewer may see.
/// </summary>
public sealed class HomeDirectory(
    AppDbContext db, HomeAccess access, FiguresReader figures, FundingBook funding, PolicyBook policies, WorkflowEngine engine,
    TimeProvider clock, IOptions<WorkflowOptions> options)
{
    /// <summary>A home in a list: this year's figures against its rules, and what is overdue (late news R25, missing reports R8).</summary>
    public sealed record Row(Home Home, string Organisation, HomeFigures Figures, IReadOnlyList<RuleResult> Rules, Assessment? ThisYear)
    {
        public int Passed => Rules.Count(r => r.Passed && !r.Advisory);
        public int Checked => Rules.Count(r => !r.Advisory);
        public IEnumerable<RuleResult> Missed => Rules.Where(r => !r.Passed);
    }

    /// <summary>A case about the home: what it is, where it stands.</summary>
    public sealed record HomeCase(Guid Id, string? Number, string Programme, InstanceStatus Status, DateTime StartedAt);

    /// <summary>A change in the home's history, with the name of who made it.</summary>
    public sealed record Change(HomeStatusChange Row, string? Who);

    /// <summary>Everything about one home.</summary>
    public sealed record HomeFile(
        Home Home, string Organisation, FiguresReader.Live Live, IReadOnlyList<FundingEntry> Funding, long MatchingOwedFen, long MatchingShortfallFen,
        IReadOnlyList<Change> History, IReadOnlyList<Assessment> Assessments, IReadOnlyList<ServiceEvent> Events, IReadOnlyList<Demand> Demands,
        IReadOnlyList<MonthlyReport> Reports, IReadOnlyList<Home> Paired, IReadOnlyList<Home> Pairable, IReadOnlyList<HomeCase> Cases,
        IReadOnlyList<UserTaskView> OpenSteps, CultivationListing? Cultivation, Policy Policy);

    public int ThisYear => BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone).Year;

    public async Task<Paged<Row>> ListAsync(Viewer viewer, HomeStatus? status, Paging paging, int? year = null)
    {
        var query = access.Visible(viewer);
        if (status is { } only) query = query.Where(h => h.Status == only);
        var homes = await query.OrderBy(h => h.Status).ThenBy(h => h.Name).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync();
        var page = Paged<Home>.From(homes, paging);
        var y = year ?? ThisYear;
        var live = await figures.ForAsync(page.Items, y);
        var ids = page.Items.Select(h => h.Id).ToList();
        var organisations = await OrganisationNamesAsync(page.Items.Select(h => h.OrganisationId));
        var assessments = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.HomeId) && a.Year == y).ToDictionaryAsync(a => a.HomeId);
        var rows = live.Select(l => new Row(l.Home, organisations.GetValueOrDefault(l.Home.OrganisationId, l.Home.OrganisationId), l.Figures, l.Rules,
            assessments.GetValueOrDefault(l.Home.Id))).ToList();
        return new Paged<Row>(rows, page.Page, page.Size, page.HasMore);
    }

    /// <summary>A home's whole file for the viewer, or null when they may not see it.</summary>
    public async Task<HomeFile?> FileAsync(Viewer viewer, Guid id, int? year = null)
    {
        if (await access.ReadableAsync(viewer, id) is not { } home) return null;
        var y = year ?? ThisYear;
        var live = await figures.ForAsync(home, y);
        var money = await funding.OfAsync(home.Id);
        var policy = await policies.ForAsync(home.RuleSet, y);
        var percent = policy.Int(PolicyKeys.MatchingFundsPercent);
        var changes = await db.HomeStatusChanges.AsNoTracking().Where(c => c.HomeId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync();
        var names = await db.Users.AsNoTracking().Where(u => changes.Select(c => c.By).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.HomeId == id).OrderByDescending(a => a.Year).ToListAsync();
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var events = await db.ServiceEvents.AsNoTracking().Where(e => e.HomeId == id && e.HeldOn >= from && e.HeldOn <= to)
            .OrderByDescending(e => e.HeldOn).ToListAsync();
        var demands = await db.Demands.AsNoTracking().Where(d => d.HomeId == id && d.RaisedOn >= from && d.RaisedOn <= to)
            .OrderByDescending(d => d.RaisedOn).ToListAsync();
        var reports = await db.MonthlyReports.AsNoTracking().Where(r => r.HomeId == id && r.Year == y).OrderBy(r => r.Month).ToListAsync();
        var pairedIds = await db.HomePairings.AsNoTracking().Where(p => p.StreetHomeId == id).Select(p => p.PairedHomeId).ToListAsync();
        var paired = await db.Homes.AsNoTracking().Where(h => pairedIds.Contains(h.Id)).ToListAsync();
        var pairable = home.Kind == HomeKind.Street
            ? await access.Visible(viewer).Where(h => h.Kind != HomeKind.Street && h.Status == HomeStatus.Active && !pairedIds.Contains(h.Id)).OrderBy(h => h.Name).Take(200).ToListAsync()
            : [];
        var caseIds = assessments.SelectMany(a => new[] { a.CaseId, a.RectificationCaseId }).Append(home.CertificationCaseId).OfType<Guid>().Distinct().ToList();
        var cases = caseIds.Count == 0 ? [] : await engine.Queries.QueryInstancesAsync(new InstanceQuery { Ids = caseIds, IncludeCalled = true, Take = caseIds.Count });
        var open = caseIds.Count == 0 ? [] : await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceIds = caseIds });
        var organisations = await OrganisationNamesAsync([home.OrganisationId]);
        return new HomeFile(home, organisations.GetValueOrDefault(home.OrganisationId, home.OrganisationId), live, money,
            FundingRules.MatchingOwedFen(money, y, percent), FundingRules.MatchingShortfallFen(money, y, percent),
            changes.Select(c => new Change(c, c.By is null ? null : names.GetValueOrDefault(c.By, c.By))).ToList(),
            assessments, events, demands, reports, paired, pairable,
            cases.Select(c => new HomeCase(c.Id, c.Number, c.DefinitionName ?? c.DefinitionKey, c.Status, c.StartedAt)).ToList(), open,
            await db.CultivationList.AsNoTracking().FirstOrDefaultAsync(c => c.HomeId == id), policy);
    }

    /// <summary>The cultivation list (R14) as the viewer may see it: enterprise and park homes graded Excellent, with their year.</summary>
    public async Task<IReadOnlyList<(CultivationListing Listing, Home Home)>> CultivationAsync(Viewer viewer)
    {
        var visible = access.Visible(viewer);
        var rows = await (from c in db.CultivationList.AsNoTracking()
                          join h in visible on c.HomeId equals h.Id
                          orderby c.Year descending, h.Name
                          select new { c, h }).ToListAsync();
        return rows.Select(r => (r.c, r.h)).ToList();
    }

    /// <summary>The year's assessments the viewer may see, with their homes: the round's progress.</summary>
    public async Task<IReadOnlyList<(Assessment Assessment, Home Home)>> AssessmentsAsync(Viewer viewer, int year)
    {
        var visible = access.Visible(viewer);
        var rows = await (from a in db.Assessments.AsNoTracking()
                          join h in visible on a.HomeId equals h.Id
                          where a.Year == year
                          orderby a.Status, h.Name
                          select new { a, h }).ToListAsync();
        return rows.Select(r => (r.a, r.h)).ToList();
    }

    /// <summary>A year's published results, for everyone (R29: results are published on the association's site).</summary>
    public async Task<IReadOnlyList<(Assessment Assessment, Home Home, string Organisation)>> PublishedAsync(int year)
    {
        var rows = await (from a in db.Assessments.AsNoTracking()
                          join h in db.Homes.AsNoTracking() on a.HomeId equals h.Id
                          where a.Year == year && a.Status == AssessmentStatus.Published
                          orderby a.Grade, h.Name
                          select new { a, h }).ToListAsync();
        var organisations = await OrganisationNamesAsync(rows.Select(r => r.h.OrganisationId));
        return rows.Select(r => (r.a, r.h, organisations.GetValueOrDefault(r.h.OrganisationId, r.h.OrganisationId))).ToList();
    }

    private async Task<Dictionary<string, string>> OrganisationNamesAsync(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
    }
}
