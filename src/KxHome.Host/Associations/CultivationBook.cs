using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Associations;

/// <summary>
/// The cultivation paths as their flow moves them (R10–R12): opened, the intent declared, each stage's start, the
/// district's guidance, the year-end verifications, and the end, with or without an association. Every write is
/// idempotent: a retried job writes once.
/// </summary>
public sealed class CultivationBook(AppDbContext db, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public DateOnly Today => BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone);

    public Task<CultivationPath?> OfCaseAsync(Guid caseId) => db.CultivationPaths.FirstOrDefaultAsync(p => p.CaseId == caseId);

    /// <summary>Opens the case's path in year 1 (起步), noting whether the home is on the cultivation list (R14).</summary>
    public async Task<CultivationPath> OpenAsync(Home home, Guid caseId)
    {
        if (await OfCaseAsync(caseId) is { } opened) return opened;
        var path = new CultivationPath
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, OrganisationId = home.OrganisationId, CaseId = caseId,
            Stage = CultivationStage.Launch, LaunchedOn = Today,
            FromList = await db.CultivationList.AnyAsync(c => c.HomeId == home.Id),
        };
        db.CultivationPaths.Add(path);
        await db.SaveChangesAsync();
        return path;
    }

    public async Task DeclareIntentAsync(CultivationPath path)
    {
        path.IntentDeclaredOn ??= Today;
        await db.SaveChangesAsync();
    }

    public async Task EnterAsync(CultivationPath path, CultivationStage stage)
    {
        path.Enter(stage, Today);
        await db.SaveChangesAsync();
    }

    public async Task KeepGuidanceAsync(CultivationPath path, Guid jobId, DateOnly guidedOn, string area, string content, string? by)
    {
        if (await db.CultivationGuidance.AnyAsync(g => g.JobId == jobId)) return;
        db.CultivationGuidance.Add(new CultivationGuidance
        {
            Id = Guid.CreateVersion7(), PathId = path.Id, GuidedOn = guidedOn, Area = area, Content = content, By = by, JobId = jobId,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Keeps this year's verification (once a year); gives how many have failed so far.</summary>
    public async Task<int> VerifyAsync(CultivationPath path, int year, bool passed, string improvementPoints, string opinion, string? by)
    {
        if (!await db.CultivationVerifications.AnyAsync(v => v.PathId == path.Id && v.Year == year))
        {
            db.CultivationVerifications.Add(new CultivationVerification
            {
                Id = Guid.CreateVersion7(), PathId = path.Id, Year = year, VerifiedOn = Today, Passed = passed,
                ImprovementPoints = improvementPoints, Opinion = opinion, By = by,
            });
            await db.SaveChangesAsync();
        }
        return await db.CultivationVerifications.CountAsync(v => v.PathId == path.Id && !v.Passed);
    }

    public async Task EndAsync(CultivationPath path, string reason)
    {
        path.End(Today, reason);
        await db.SaveChangesAsync();
    }

    public async Task FoundedAsync(CultivationPath path, Guid associationId)
    {
        path.AssociationId = associationId;
        path.Enter(CultivationStage.Founded, Today);
        await db.SaveChangesAsync();
    }
}
