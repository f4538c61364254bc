using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Reports;

/// <summary>
/// Reads Chengdu's year-end tables (R26) for an area from the records, and keeps the figures only a district knows.
/// An area is a district, city or province; its staff (and administrators) report on it, no one else: one may not
/// report on answers the same as one that does not exist.
/// </summary>
public sealed class YearEndTables(AppDbContext db, TimeProvider clock)
{
    public const int MaxFigure = 10_000_000;

    /// <summary>The area, if the viewer may read its tables.</summary>
    public async Task<Organisation?> AreaAsync(Viewer viewer, string? areaId)
    {
        var area = areaId is null ? null : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == areaId);
        return area is not null && MayReport(viewer, area) ? area : null;
    }

    public static bool MayReport(Viewer viewer, Organisation area) =>
        area.Kind is OrganisationKind.District or OrganisationKind.City or OrganisationKind.Province
        && (viewer.IsAdministrator || (viewer.CanSee(area.Id) && viewer.Roles.Any(r => r is Roles.District or Roles.City or Roles.Province)));

    /// <summary>Whether the viewer enters the area's own figures: the district's (or city's) own staff, or an administrator.</summary>
    public static bool KeepsFigures(Viewer viewer, Organisation county) =>
        viewer.IsAdministrator || (viewer.OrganisationId == county.Id && viewer.Roles.Any(r => r is Roles.District or Roles.City or Roles.Province));

    /// <summary>The areas the viewer may report on: its own organisation and the districts and cities below it.</summary>
    public async Task<IReadOnlyList<Organisation>> AreasAsync(Viewer viewer)
    {
        var all = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.District || o.Kind == OrganisationKind.City
            || o.Kind == OrganisationKind.Province).ToListAsync();
        return all.Where(o => MayReport(viewer, o)).OrderByDescending(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal).ToList(); // the widest first
    }

    /// <remarks>
    /// The records are read by joins and kept to the area in memory: a province's 10,000 organisation ids in a query
    /// (one parameter each) cost seconds; its associations, officers and events cost little more than the area's.
    /// </remarks>
    public async Task<YearEndReport> ReadAsync(Organisation area, int year)
    {
        var tree = await OrganisationTree.LoadAsync(db);
        var owners = tree.Subtree(area.Id).ToHashSet();
        var yearEnd = new DateOnly(year, 12, 31);
        var associations = (await Founded(yearEnd).ToListAsync()).Where(a => owners.Contains(a.OrganisationId))
            .OrderBy(a => a.FoundedOn).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        var officers = await OfficersAsync(associations.Select(a => a.Id).ToHashSet(), yearEnd);
        var rows = associations.Select(a => new YearEndReport.AssociationRow(a, tree.CountyOf(a.OrganisationId, area).Name,
            officers[a.Id].OrderBy(o => o.Order).ToLookup(o => o.Role, o => YearEndReport.Cell(o.Name, o.Title, o.Phone)))).ToList();
        var activities = await ActivitiesAsync(associations, year);
        var countyOf = associations.ToDictionary(a => a.Id, a => tree.CountyOf(a.OrganisationId, area).Id);
        // A district reports itself; a city or province its districts, and itself for the associations directly under it.
        HashSet<string> counties = area.Kind == OrganisationKind.District ? [area.Id]
            : owners.Where(id => tree.Find(id)?.Kind == OrganisationKind.District).Union(countyOf.Values).ToHashSet();
        var figures = (await db.YearEndFigures.AsNoTracking().Where(f => f.Year == year).ToListAsync())
            .Where(f => counties.Contains(f.OrganisationId)).ToDictionary(f => f.OrganisationId);
        var built = associations.GroupBy(a => (countyOf[a.Id], a.Kind)).ToDictionary(g => g.Key, g => g.Count());
        var footers = counties.Select(id => new YearEndReport.County(id, tree.NameOf(id),
                built.GetValueOrDefault((id, AssociationKind.Enterprise)), built.GetValueOrDefault((id, AssociationKind.Park)), figures.GetValueOrDefault(id)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new YearEndReport(area, year, rows.Where(r => r.Association.Kind == AssociationKind.Enterprise).ToList(),
            rows.Where(r => r.Association.Kind == AssociationKind.Park).ToList(), activities, footers);
    }

    /// <summary>The associations active and founded by the year's end (the tables list no other).</summary>
    private IQueryable<ParkAssociation> Founded(DateOnly yearEnd) =>
        db.Associations.AsNoTracking().Where(a => a.Status == AssociationStatus.Active && a.FoundedOn <= yearEnd);

    /// <summary>Keeps what the county's records cannot know for the year; returns the problems by field name, empty when saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveFiguresAsync(Organisation county, int year, int? localEnterprises, int? scienceEnterprises,
        int? industrialZones, string by)
    {
        var problems = new Dictionary<string, string>();
        Check(problems, "localEnterprises", "属地企业数量", localEnterprises);
        Check(problems, "scienceEnterprises", "科技企业数量", scienceEnterprises);
        Check(problems, "industrialZones", "产业功能区数量", industrialZones);
        if (problems.Count == 0 && scienceEnterprises > localEnterprises) problems["scienceEnterprises"] = "科技企业数量不能多于属地企业数量";
        if (problems.Count > 0) return problems;
        var figures = await db.YearEndFigures.FirstOrDefaultAsync(f => f.OrganisationId == county.Id && f.Year == year);
        if (figures is null) db.YearEndFigures.Add(figures = new YearEndFigures { OrganisationId = county.Id, Year = year });
        figures.LocalEnterprises = localEnterprises!.Value;
        figures.ScienceEnterprises = scienceEnterprises!.Value;
        figures.IndustrialZones = industrialZones!.Value;
        figures.UpdatedBy = by;
        figures.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return problems;
    }

    private static void Check(Dictionary<string, string> problems, string field, string label, int? value)
    {
        if (value is not { } given) problems[field] = $"请填写{label}";
        else if (given < 0 || given > MaxFigure) problems[field] = $"{label}须为 0 至 {MaxFigure} 的整数";
    }

    /// <summary>The officers of each association's term in force at the year's end (the newest term begun by then).</summary>
    private async Task<ILookup<Guid, AssociationOfficer>> OfficersAsync(HashSet<Guid> ids, DateOnly yearEnd)
    {
        var all = await (from o in db.AssociationOfficers.AsNoTracking()
                         join t in db.AssociationTerms.AsNoTracking() on o.TermId equals t.Id
                         join a in Founded(yearEnd) on t.AssociationId equals a.Id
                         where t.StartsOn <= yearEnd
                         select new { Officer = o, t.AssociationId, t.Number }).ToListAsync();
        var current = all.Where(o => ids.Contains(o.AssociationId)).GroupBy(o => o.AssociationId).ToDictionary(g => g.Key, g => g.Max(o => o.Number));
        return all.Where(o => current.TryGetValue(o.AssociationId, out var number) && o.Number == number).ToLookup(o => o.AssociationId, o => o.Officer);
    }

    /// <summary>Table 1-3: the year's events of the associations' homes (their service ledgers), by date, with their evidence.</summary>
    private async Task<IReadOnlyList<YearEndReport.ActivityRow>> ActivitiesAsync(List<ParkAssociation> associations, int year)
    {
        var byOrganisation = associations.GroupBy(a => a.OrganisationId).ToDictionary(g => g.Key, g => g.First().Name);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var events = from e in db.ServiceEvents.AsNoTracking()
                     join h in db.Homes.AsNoTracking() on e.HomeId equals h.Id
                     join a in Founded(last) on h.OrganisationId equals a.OrganisationId
                     where e.HeldOn >= first && e.HeldOn <= last
                     select new { Event = e, h.OrganisationId };
        var evidence = (await (from a in db.Attachments.AsNoTracking()
                               join e in events on a.InstanceId equals e.Event.Id
                               orderby a.UploadedAt
                               select new { a.InstanceId, a.Id, a.FileName }).ToListAsync())
            .ToLookup(a => a.InstanceId, a => new YearEndReport.Evidence(a.Id, a.FileName));
        // Only the columns the table shows; the rest of the ledger line stays in the database.
        var held = await events.Select(e => new
        {
            Event = new ServiceEvent
            {
                Id = e.Event.Id, HomeId = e.Event.HomeId, HeldOn = e.Event.HeldOn, Category = e.Event.Category, Title = e.Event.Title,
                Content = e.Event.Content, Part = e.Event.Part, Outcome = e.Event.Outcome, Participants = e.Event.Participants, RecordedAt = e.Event.RecordedAt,
            },
            e.OrganisationId,
        }).ToListAsync();
        return held.Where(e => byOrganisation.ContainsKey(e.OrganisationId)).OrderBy(e => e.Event.HeldOn).ThenBy(e => e.Event.RecordedAt)
            .Select(e => new YearEndReport.ActivityRow(e.Event, byOrganisation[e.OrganisationId], evidence[e.Event.Id].ToList())).ToList();
    }
}
