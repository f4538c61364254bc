using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// The yearly assessment (R13): a round opens one case per Active or Rectifying home (none for the others), the home
/// confirms its figures, reviewers grade, the result is published (R29) and acts on the home (R14, R15, R17).
/// </summary>
public sealed class AssessmentDesk(
    AppDbContext db, WorkflowEngine engine, PolicyBook policies, HomeRegistry registry, FiguresReader figures,
    TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public const string DefinitionKey = "annual-assessment";

    private TimeZoneInfo Zone => options.Value.TimeZone;

    /// <summary>
    /// Opens the year's round: an assessment and a case for every assessed home that has none for the year yet, so a
    /// round opened twice starts nothing twice. Returns how many cases were started.
    /// </summary>
    public async Task<int> OpenRoundAsync(int year, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assessed = HomeLifecycle.Assessed.ToList();
        var homes = await db.Homes.AsNoTracking().Where(h => assessed.Contains(h.Status))
            .Where(h => !db.Assessments.Any(a => a.HomeId == h.Id && a.Year == year))
            .Select(h => h.Id).ToListAsync(ct);
        var due = new Dictionary<RuleSet, (DateTime Confirm, DateTime Grade)>();
        foreach (var ruleSet in Enum.GetValues<RuleSet>()) due[ruleSet] = DueDates(await policies.ForAsync(ruleSet, year, ct), now);
        var assessments = homes.Select(id => new Assessment
        {
            Id = Guid.CreateVersion7(), HomeId = id, Year = year, Status = AssessmentStatus.Open, OpenedAt = now,
        }).ToList();
        db.Assessments.AddRange(assessments);
        await db.SaveChangesAsync(ct);
        // Assessments whose case did not start, or started without its id being kept, last time (a failure in between):
        // a case already there is kept, the others start now.
        var created = assessments.Select(a => a.Id).ToHashSet();
        var toStart = new List<Assessment>();
        foreach (var pending in await db.Assessments.Where(a => a.Year == year && a.CaseId == null).ToListAsync(ct))
        {
            var started = created.Contains(pending.Id) ? null
                : (await engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = HomeKeys.Assessment(pending.HomeId, year), Take = 1 }, ct)).FirstOrDefault();
            if (started is null) toStart.Add(pending);
            else pending.CaseId = started.Id;
        }
        await db.SaveChangesAsync(ct);
        var byHome = await db.Homes.AsNoTracking().Where(h => toStart.Select(a => a.HomeId).Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var requests = toStart.Select(a =>
        {
            var home = byHome[a.HomeId];
            var (confirm, grade) = due[home.RuleSet];
            return new StartRequest(DefinitionKey)
            {
                BusinessKey = HomeKeys.Assessment(home.Id, year), Owner = home.OrganisationId,
                Variables = new Dictionary<string, object?>
                {
                    ["homeId"] = home.Id.ToString(), ["homeName"] = home.Name, ["homeKind"] = home.Kind.ToString(),
                    ["ruleSet"] = home.RuleSet.ToString(), ["year"] = year, ["confirmDueAt"] = confirm, ["gradeDueAt"] = grade,
                },
            };
        }).ToList();
        if (requests.Count == 0) return 0;
        var caseIds = await engine.StartManyAsync(requests, ct);
        for (var i = 0; i < toStart.Count; i++) toStart[i].CaseId = caseIds[i];
        await db.SaveChangesAsync(ct);
        return caseIds.Count;
    }

    /// <summary>When the home must confirm (two weeks before the window closes, or at its close) and when grading is due (R29).</summary>
    public (DateTime Confirm, DateTime Grade) DueDates(Policy policy, DateTime nowUtc)
    {
        var closes = policy.Date(PolicyKeys.AssessmentCloses);
        var grade = BusinessDates.EndOfDayUtc(closes, Zone);
        var confirm = BusinessDates.EndOfDayUtc(closes.AddDays(-14), Zone);
        return (confirm > nowUtc ? confirm : grade, grade);
    }

    /// <summary>Keeps the home's figures and rule results as confirmed: what the reviewers grade, never rewritten later.</summary>
    public async Task<AssessmentSnapshot> ConfirmAsync(Home home, int year, Guid caseId)
    {
        var assessment = await OfAsync(home.Id, year, caseId);
        if (AssessmentSnapshot.FromJson(assessment.Snapshot) is { } kept) return kept;
        var live = await figures.ForAsync(home, year);
        var snapshot = new AssessmentSnapshot(live.Figures, live.Rules, RuleBook.Suggest(live.Rules));
        assessment.Snapshot = snapshot.ToJson();
        assessment.Status = AssessmentStatus.Confirmed;
        await db.SaveChangesAsync();
        return snapshot;
    }

    /// <summary>Publishes the grade (R29) and applies what it means to the home; a second call gives the same answer and changes nothing.</summary>
    public async Task<AssessmentConsequence> PublishAsync(Home home, int year, AssessmentGrade grade, string? reviewerId, string? opinion, Guid caseId)
    {
        var assessment = await OfAsync(home.Id, year, caseId);
        var previous = await db.Assessments.AsNoTracking().Where(a => a.HomeId == home.Id && a.Year == year - 1 && a.Status == AssessmentStatus.Published)
            .Select(a => a.Grade).FirstOrDefaultAsync();
        var consequence = AssessmentConsequence.Of(home, grade, previous);
        if (assessment.Status != AssessmentStatus.Published)
        {
            assessment.Grade = grade;
            assessment.ReviewerId = reviewerId;
            assessment.Opinion = opinion;
            assessment.Status = AssessmentStatus.Published;
            assessment.PublishedOn = registry.Today;
            await db.SaveChangesAsync();
        }
        var reason = $"{year}年度考核{Names.Of(grade)}";
        if (grade == AssessmentGrade.Excellent && home.RuleSet == RuleSet.Yiyang)
        {
            await registry.NoteAsync(home, $"{reason}，授予“优秀科技工作者之家”牌匾（R29）", caseId);
        }
        if (consequence.StatusAfter == HomeStatus.Rectifying)
        {
            await registry.ChangeStatusAsync(home, HomeStatus.Rectifying, reason + "，限期一年整改（R15）", caseId, reviewerId);
        }
        else if (consequence.StatusAfter == HomeStatus.Active && home.Status == HomeStatus.Rectifying)
        {
            await registry.ChangeStatusAsync(home, HomeStatus.Active, reason + "，恢复正常运行", caseId, reviewerId);
        }
        return consequence;
    }

    public async Task<Assessment> OfAsync(Guid homeId, int year, Guid? caseId = null) =>
        await db.Assessments.FirstOrDefaultAsync(a => a.HomeId == homeId && a.Year == year)
        ?? throw new InvalidOperationException($"之家没有 {year} 年度的考核{(caseId is null ? "" : "（案件 " + caseId + "）")}");
}
