using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// The homes' records as the flows change them: an application filed, a naming with its plaque (R28), a refusal, a
/// withdrawal, a rectification, a revocation. Every status change is kept with who, when, why and which case.
/// </summary>
public sealed class HomeRegistry(AppDbContext db, PolicyBook policies, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    private TimeZoneInfo Zone => options.Value.TimeZone;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => BusinessDates.Today(Now, Zone);

    public Task<Home?> FindAsync(Guid id) => db.Homes.FirstOrDefaultAsync(h => h.Id == id);

    /// <summary>
    /// The home a case is about: the one its business key names (<c>home:{id}</c>…, set when the case started and
    /// never changed by a step), else its variable <c>homeId</c>; either way only a home of the case's own
    /// organisation. Otherwise a refusal naming the task.
    /// </summary>
    public async Task<Home> OfCaseAsync(ServiceTaskContext context, string? owner)
    {
        var id = HomeIdOf(context) ?? Guid.Empty;
        var home = await FindAsync(id);
        if (home is null || home.OrganisationId != owner)
        {
            throw new InvalidOperationException($"“{context.ElementId}”：案件没有属于本单位的之家（业务键或变量 homeId）");
        }
        return home;
    }

    /// <summary>The home a case names: by its business key (<c>home:{id}</c>…), else by its variable <c>homeId</c>.</summary>
    public static Guid? HomeIdOf(ServiceTaskContext context)
    {
        if (HomeKeys.HomeOf(context.BusinessKey) is { } fromKey) return fromKey;
        return context.Variables.TryGetValue("homeId", out var value) && Guid.TryParse(value?.ToString(), out var fromVariable) ? fromVariable : null;
    }

    /// <summary>Records a filed application: a new home in <see cref="HomeStatus.Applying"/>, or the same home updated on a resubmission.</summary>
    public async Task<Home> FileAsync(Guid homeId, string organisationId, HomeApplication application, Guid caseId, string? by)
    {
        var home = await FindAsync(homeId);
        if (home is null)
        {
            home = new Home
            {
                Id = homeId, OrganisationId = organisationId, Status = HomeStatus.Applying, CreatedAt = Now,
                RuleSet = await policies.RuleSetOfAsync(organisationId), CertificationCaseId = caseId,
            };
            db.Homes.Add(home);
            db.HomeStatusChanges.Add(new HomeStatusChange { HomeId = homeId, To = HomeStatus.Applying, At = Now, By = by, Reason = "提交认定申报", CaseId = caseId });
        }
        else if (home.OrganisationId != organisationId || home.CertificationCaseId != caseId)
        {
            throw new InvalidOperationException("这个之家已由另一案件或另一单位申报，不能在本案件中登记");
        }
        home.Name = application.Name;
        home.Kind = application.Kind ?? HomeKind.Enterprise;
        home.Address = application.Address;
        home.AreaM2 = application.AreaM2;
        home.PersonInCharge = application.PersonInCharge;
        home.Administrator = application.Administrator;
        home.Phone = application.Phone;
        home.SixHaves = application.SixHaves;
        await db.SaveChangesAsync();
        return home;
    }

    /// <summary>Names the home (R28): Active from today, with the next plaque number of its rule set and year; a second call changes nothing.</summary>
    public async Task<Home> CertifyAsync(Home home, Guid caseId, string? by)
    {
        if (home.Status == HomeStatus.Active && home.PlaqueNumber is not null) return home;
        var today = Today;
        var start = PlaqueNumbers.StartOf(home.RuleSet, today.Year);
        var used = await db.Homes.AsNoTracking().Where(h => h.PlaqueNumber != null && h.PlaqueNumber.StartsWith(start))
            .Select(h => h.PlaqueNumber).ToListAsync();
        home.PlaqueNumber = PlaqueNumbers.Format(home.RuleSet, today.Year, used.Select(PlaqueNumbers.SequenceOf).DefaultIfEmpty(0).Max() + 1);
        home.PlaqueOn = today;
        home.DesignatedOn = today;
        Keep(home.ChangeStatus(HomeStatus.Active, Now, by, $"认定命名，授牌 {home.PlaqueNumber}", caseId));
        await db.SaveChangesAsync();
        return home;
    }

    /// <summary>Moves the home to a status for a reason; an unchanged status writes nothing (a retried step stays one change).</summary>
    public async Task<Home> ChangeStatusAsync(Home home, HomeStatus to, string reason, Guid? caseId, string? by)
    {
        Keep(home.ChangeStatus(to, Now, by, reason, caseId));
        await db.SaveChangesAsync();
        return home;
    }

    /// <summary>Keeps a fact about the home in its history without a change of status (once per case and reason).</summary>
    public async Task NoteAsync(Home home, string reason, Guid? caseId)
    {
        if (await db.HomeStatusChanges.AnyAsync(c => c.HomeId == home.Id && c.CaseId == caseId && c.Reason == reason)) return;
        db.HomeStatusChanges.Add(new HomeStatusChange { HomeId = home.Id, From = home.Status, To = home.Status, At = Now, Reason = reason, CaseId = caseId });
        await db.SaveChangesAsync();
    }

    /// <summary>Saves what a task found about a home (e.g. the street's cluster finding).</summary>
    public Task SaveAsync() => db.SaveChangesAsync();

    /// <summary>The certification case ended before its flow did (撤回, or cancelled): its home, if one was filed, is withdrawn.</summary>
    public async Task CaseWithdrawnAsync(Guid caseId, string? by, string reason)
    {
        var home = await db.Homes.FirstOrDefaultAsync(h => h.CertificationCaseId == caseId && h.Status == HomeStatus.Applying);
        if (home is not null) await ChangeStatusAsync(home, HomeStatus.Withdrawn, reason, caseId, by);
    }

    /// <summary>Pairs a street home with an enterprise or park home (R7); the callers offer only homes the person may see.</summary>
    public async Task<string?> PairAsync(Home street, Guid pairedId)
    {
        if (street.Kind != HomeKind.Street) return "只有街镇之家需要结对（R7）";
        var paired = await FindAsync(pairedId);
        if (paired is null || paired.Kind == HomeKind.Street) return "结对对象须为企业或园区之家";
        if (await db.HomePairings.AnyAsync(p => p.StreetHomeId == street.Id && p.PairedHomeId == pairedId)) return null;
        db.HomePairings.Add(new HomePairing { StreetHomeId = street.Id, PairedHomeId = pairedId });
        await db.SaveChangesAsync();
        return null;
    }

    private void Keep(HomeStatusChange? change)
    {
        if (change is not null) db.HomeStatusChanges.Add(change);
    }
}
