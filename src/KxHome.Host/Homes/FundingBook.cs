using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Homes;

/// <summary>
/// Books a home's money: the construction grant once per home (R16), the excellence award once per home and year
/// (R17), and the builder's matching funds with their source, use and effect (R18). A booking made by a flow's task
/// carries its job id, so a retried job books once.
/// </summary>
public sealed class FundingBook(AppDbContext db, PolicyBook policies, TimeProvider clock)
{
    /// <summary>The construction grant of the year's amount; the existing one when the home already has it (R16).</summary>
    public async Task<FundingEntry?> BookGrantAsync(Home home, int year, string purpose, Guid? caseId, Guid? jobId)
    {
        if (!RuleBook.Applies(home.RuleSet, "R16")) return null;
        if (await db.FundingEntries.FirstOrDefaultAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ConstructionGrant) is { } booked) return booked;
        var amount = (await policies.ForAsync(home.RuleSet, year)).Number(PolicyKeys.ConstructionGrantFen);
        return await BookAsync(home, FundingKind.ConstructionGrant, year, amount, purpose, caseId, jobId);
    }

    /// <summary>The year's excellence award for the home's kind; the existing one when it was already booked (R17).</summary>
    public async Task<FundingEntry?> BookAwardAsync(Home home, int year, Guid? caseId, Guid? jobId)
    {
        if (!RuleBook.Applies(home.RuleSet, "R17")) return null;
        if (await db.FundingEntries.FirstOrDefaultAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ExcellenceAward && f.Year == year) is { } booked)
        {
            return booked;
        }
        var policy = await policies.ForAsync(home.RuleSet, year);
        var amount = policy.Number(home.Kind == HomeKind.Street ? PolicyKeys.AwardStreetFen : PolicyKeys.AwardEnterpriseParkFen);
        return await BookAsync(home, FundingKind.ExcellenceAward, year, amount, "升级服务设施、拓展特色服务", caseId, jobId);
    }

    /// <summary>The builder's matching funds of a year, with source, use and effect (R18); replaces an earlier report of that year.</summary>
    public async Task<FundingEntry> ReportMatchingAsync(Home home, int year, long amountFen, string source, string use, string effect, string? by, Guid? caseId)
    {
        var entry = await db.FundingEntries.FirstOrDefaultAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.MatchingFunds && f.Year == year)
            ?? db.FundingEntries.Add(new FundingEntry { Id = Guid.CreateVersion7(), HomeId = home.Id, Kind = FundingKind.MatchingFunds, Year = year }).Entity;
        entry.AmountFen = amountFen;
        entry.Source = source;
        entry.Purpose = use;
        entry.Effect = effect;
        entry.At = clock.GetUtcNow().UtcDateTime;
        entry.RecordedBy = by;
        entry.CaseId = caseId;
        await db.SaveChangesAsync();
        return entry;
    }

    public Task<List<FundingEntry>> OfAsync(Guid homeId) =>
        db.FundingEntries.AsNoTracking().Where(f => f.HomeId == homeId).OrderBy(f => f.Year).ThenBy(f => f.At).ToListAsync();

    private async Task<FundingEntry> BookAsync(Home home, FundingKind kind, int year, long amountFen, string purpose, Guid? caseId, Guid? jobId)
    {
        if (FundingRules.PurposeProblem(kind, purpose) is { } problem) throw new InvalidOperationException(problem);
        var entry = new FundingEntry
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, Kind = kind, Year = year, AmountFen = amountFen, Purpose = purpose,
            At = clock.GetUtcNow().UtcDateTime, CaseId = caseId, JobId = jobId,
        };
        db.FundingEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync();
            return entry;
        }
        catch (DbUpdateException)
        {
            // Another run of the same booking won the race (the unique indexes hold R16 and R17): keep theirs.
            db.Entry(entry).State = EntityState.Detached;
            return await db.FundingEntries.AsNoTracking().FirstAsync(f => f.HomeId == home.Id && f.Kind == kind && (kind == FundingKind.ConstructionGrant || f.Year == year));
        }
    }
}
