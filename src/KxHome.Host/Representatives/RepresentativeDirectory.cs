using System.Text.Json;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Representatives;

/// <summary>
/// The 科协代表之家 as people read them. A call's notice and its published results are public (R36); an application's
/// file (plan figures, representatives, every expert's points, assessments) only for those who may see its organisation.
/// </summary>
public sealed class RepresentativeDirectory(AppDbContext db)
{
    /// <summary>A representative and whether they keep in touch with enough S&amp;T workers (R33).</summary>
    public sealed record RepresentativeRow(Representative Representative, bool Enough);

    /// <summary>An expert's scoring, the expert by number only (the experts are not named to applicants).</summary>
    public sealed record ScoreRow(int Expert, IReadOnlyDictionary<string, int> Points, int Total, string Opinion);

    public sealed record File(
        RepresentativeHome Home, string Organisation, Call Call, Rubric Rubric, IReadOnlyList<RepresentativeRow> Representatives,
        IReadOnlyList<ScoreRow> Scores, IReadOnlyList<RepresentativeAssessment> Assessments)
    {
        /// <summary>Representatives below R33's minimum.</summary>
        public int Shortfall => Representatives.Count(r => !r.Enough);
    }

    public sealed record Row(RepresentativeHome Home, string Organisation, int Year);

    /// <summary>A call with its applications.</summary>
    public sealed record CallRow(Call Call, IReadOnlyList<Row> Homes);

    /// <summary>Every call (newest first) with the applications the viewer may see, ranked once decided.</summary>
    public async Task<IReadOnlyList<CallRow>> CallsAsync(Viewer viewer)
    {
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync();
        var rows = await RowsAsync(viewer);
        return calls.Select(c => new CallRow(c, rows.Where(r => r.Home.CallId == c.Id).ToList())).ToList();
    }

    /// <summary>The applications of the organisations the viewer may see, best ranked first.</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync(Viewer viewer)
    {
        var homes = await db.RepresentativeHomes.AsNoTracking().Where(h => viewer.VisibleOwners == null || viewer.VisibleOwners.Contains(h.OrganisationId)).ToListAsync();
        return await ToRowsAsync(homes);
    }

    /// <summary>The results a year's decided calls published (R36): the designated homes in rank order; and the yearly assessments published that year.</summary>
    public async Task<(IReadOnlyList<Row> Designated, IReadOnlyList<(RepresentativeAssessment Assessment, RepresentativeHome Home)> Assessed)> PublishedAsync(int year)
    {
        var calls = await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Decided && c.Year == year).Select(c => c.Id).ToListAsync();
        var designated = await db.RepresentativeHomes.AsNoTracking().Where(h => calls.Contains(h.CallId) && h.DesignatedOn != null).ToListAsync();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var assessed = await (from a in db.RepresentativeAssessments.AsNoTracking()
                              join h in db.RepresentativeHomes.AsNoTracking() on a.HomeId equals h.Id
                              where a.PublishedOn >= start && a.PublishedOn <= end
                              select new { a, h }).ToListAsync();
        return (await ToRowsAsync(designated), assessed.Select(x => (x.a, x.h)).OrderBy(x => x.h.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>One application's file, or null when the viewer may not see it.</summary>
    public async Task<File?> FileAsync(Viewer viewer, Guid id)
    {
        var home = await db.RepresentativeHomes.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id);
        if (home is null || !viewer.CanSee(home.OrganisationId)) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == home.CallId);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == home.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync() ?? home.OrganisationId;
        var representatives = await db.Representatives.AsNoTracking().Where(r => r.HomeId == id).OrderBy(r => r.Order).ToListAsync();
        var scores = await db.ExpertScores.AsNoTracking().Where(s => s.HomeId == id).OrderBy(s => s.At).ToListAsync();
        var assessments = await db.RepresentativeAssessments.AsNoTracking().Where(a => a.HomeId == id).OrderBy(a => a.DesignationYear).ToListAsync();
        return new File(home, organisation, call, Rubric.FromJson(call.Rubric),
            representatives.Select(r => new RepresentativeRow(r, r.ContactCount >= call.MinContacts)).ToList(),
            scores.Select((s, i) => new ScoreRow(i + 1, JsonSerializer.Deserialize<Dictionary<string, int>>(s.Points) ?? [], s.Total, s.Opinion)).ToList(),
            assessments);
    }

    /// <summary>Whether the viewer applies for the home's organisation (and may change its representatives).</summary>
    public static bool ActsFor(Viewer viewer, RepresentativeHome home) => viewer.IsApplicant && viewer.OrganisationId == home.OrganisationId;

    private async Task<IReadOnlyList<Row>> ToRowsAsync(IReadOnlyList<RepresentativeHome> homes)
    {
        var ids = homes.Select(h => h.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var years = await db.Calls.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Year);
        return homes.OrderBy(h => h.Rank ?? int.MaxValue).ThenBy(h => h.FiledAt)
            .Select(h => new Row(h, names.GetValueOrDefault(h.OrganisationId, h.OrganisationId), years.GetValueOrDefault(h.CallId))).ToList();
    }
}
