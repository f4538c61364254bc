using System.Text.Json.Nodes;
using System.Text.Json;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// The home a case is about (named by its business key, else its variable <c>homeId</c>; only a home of the case's own
/// organisation) and its rules, for the case and task pages: reviewers grade with
/// the table in front of them. An assessment's case shows the figures as the home confirmed them, never today's.
/// </summary>
public sealed class HomeCaseFacts(AppDbContext db, FiguresReader figures, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    /// <summary>
    /// The home, the year, its rule results, whether they are the confirmed snapshot (as of <see cref="AsOf"/>), and
    /// whether the viewer may open the home's own page (someone a case was copied to may not).
    /// </summary>
    public sealed record Facts(Home Home, int Year, IReadOnlyList<RuleResult> Rules, bool Confirmed, DateOnly AsOf, bool Linked);

    /// <summary>The facts of the case's home; null when the case names no home or the home is not filed yet.</summary>
    public async Task<Facts?> OfAsync(Viewer viewer, InstanceView instance)
    {
        if ((HomeKeys.HomeOf(instance.BusinessKey) ?? (Guid.TryParse(VariableValues.Text(instance.Variables, "homeId"), out var fromVariable) ? fromVariable : null)) is not { } homeId)
        {
            return null;
        }
        if (await db.Homes.AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeId && h.OrganisationId == instance.Owner) is not { } home) return null;
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == instance.Id && a.HomeId == homeId);
        if (assessment is { Status: not AssessmentStatus.Open } && AssessmentSnapshot.FromJson(assessment.Snapshot) is { } kept)
        {
            return new Facts(home, assessment.Year, kept.Rules, true, kept.Figures.AsOf, viewer.CanSee(home.OrganisationId));
        }
        var year = int.TryParse(VariableValues.Text(instance.Variables, "year"), out var y) && y is >= 2000 and <= 2100
            ? y
            : BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone).Year;
        var live = await figures.ForAsync(home, year);
        return new Facts(home, year, live.Rules, false, live.Figures.AsOf, viewer.CanSee(home.OrganisationId));
    }
}
