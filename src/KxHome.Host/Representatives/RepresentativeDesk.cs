using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Representatives;

/// <summary>
/// The 科协代表之家 as their flows change them (seed 004): who may apply (R34), the application filed by the deadline
/// (R35) with its representatives (R33), the experts' scores (R32), and a designation's yearly assessments and end (R36).
/// Every write is keyed by the case (or the designation year), so a retried job writes once.
/// </summary>
public sealed class RepresentativeDesk(AppDbContext db, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    /// <summary>What the application form says about the home.</summary>
    public sealed record Application(string Name, string Place, string ContactName, string ContactPhone, int ProposalCharacters,
        IReadOnlyList<(string Name, IReadOnlyList<string> Contacts)> Representatives);

    public TimeZoneInfo Zone => options.Value.TimeZone;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => BusinessDates.Today(Now, Zone);

    public Task<RepresentativeHome?> OfCaseAsync(Guid caseId) => db.RepresentativeHomes.FirstOrDefaultAsync(h => h.CaseId == caseId);

    public Task<Call?> CallAsync(Guid callId) => db.Calls.FirstOrDefaultAsync(c => c.Id == callId);

    /// <summary>The province's association an organisation belongs to (itself when it is one), or null.</summary>
    public async Task<Organisation?> ProvinceOfAsync(string? organisationId)
    {
        var all = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        for (var id = organisationId; id is not null && all.TryGetValue(id, out var organisation); id = organisation.ParentId)
        {
            if (organisation.Kind == OrganisationKind.Province) return organisation;
            if (organisation.ParentId == id) break;
        }
        return null;
    }

    /// <summary>The call an organisation may apply to now: its province's open call of this year, or null.</summary>
    public async Task<Call?> OpenCallForAsync(string? organisationId) =>
        await ProvinceOfAsync(organisationId) is { } province
            ? await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.OrganisationId == province.Id && c.Year == Today.Year && c.Status == CallStatus.Open)
            : null;

    /// <summary>
    /// Why the organisation may not apply (R34), or null: only city associations, provincial societies and enterprise
    /// associations apply; one that holds a valid designation does not apply again; one application at a time.
    /// </summary>
    public async Task<string?> EligibilityProblemAsync(string? organisationId, Guid? ownCaseId = null)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null || organisation.Kind is not (OrganisationKind.City or OrganisationKind.Society or OrganisationKind.Enterprise))
        {
            return $"{organisation?.Name ?? "本单位"}（{KindName(organisation?.Kind)}）不在申报对象之列：科协代表之家由设区市科协、省级学会和企业科协申报（R34）";
        }
        var homes = await db.RepresentativeHomes.AsNoTracking().Where(h => h.OrganisationId == organisationId && h.CaseId != ownCaseId).ToListAsync();
        if (homes.FirstOrDefault(h => h.IsValidOn(Today)) is { } valid)
        {
            return $"本单位的“{valid.Name}”已认定为科协代表之家（有效期至{BusinessDates.Format(valid.ValidUntil!.Value)}），已成功申报的单位不再申报（R34）";
        }
        return homes.FirstOrDefault(h => h.Status == RepresentativeHomeStatus.Applying) is { } applying
            ? $"本单位已有申报中的“{applying.Name}”，一次只能申报一个科协代表之家"
            : null;
    }

    /// <summary>Why the organisation cannot start an application now (R34, R35), or the call it applies to.</summary>
    public async Task<(Call? Call, string? Problem)> CanStartAsync(string? organisationId)
    {
        if (await EligibilityProblemAsync(organisationId) is { } problem) return (null, problem);
        if (await OpenCallForAsync(organisationId) is not { } call) return (null, $"省科协尚未发布{Today.Year}年度科协代表之家申报通知");
        return RepresentativeRules.LateProblem(Now, call.FilingDeadline, Zone) is { } late ? (null, late) : (call, null);
    }

    /// <summary>Records (or, on a 补正, updates) the application of a case; its filing time is the first submission's.</summary>
    public async Task<RepresentativeHome> FileAsync(Guid caseId, Guid id, Call call, string organisationId, DateTime filedAt, Application application)
    {
        var home = await OfCaseAsync(caseId);
        if (home is null)
        {
            home = new RepresentativeHome
            {
                Id = id, CallId = call.Id, OrganisationId = organisationId, CaseId = caseId, Status = RepresentativeHomeStatus.Applying,
                FiledAt = filedAt, CreatedAt = Now,
            };
            db.RepresentativeHomes.Add(home);
        }
        home.Name = application.Name;
        home.Place = application.Place;
        home.ContactName = application.ContactName;
        home.ContactPhone = application.ContactPhone;
        home.ProposalCharacters = application.ProposalCharacters;
        await ReplaceRepresentativesAsync(home, application.Representatives);
        await db.SaveChangesAsync();
        return home;
    }

    /// <summary>Replaces a home's representatives (R33); saved by the caller.</summary>
    public async Task ReplaceRepresentativesAsync(RepresentativeHome home, IReadOnlyList<(string Name, IReadOnlyList<string> Contacts)> representatives)
    {
        db.Representatives.RemoveRange(await db.Representatives.Where(r => r.HomeId == home.Id).ToListAsync());
        var order = 0;
        foreach (var (name, contacts) in representatives)
        {
            db.Representatives.Add(new Representative
            {
                Id = Guid.CreateVersion7(), HomeId = home.Id, Order = ++order, Name = name, Contacts = string.Join("、", contacts), ContactCount = contacts.Count,
            });
        }
    }

    /// <summary>
    /// The applicant keeps its representatives (R33) up to date while it holds a designation; gives a problem or null.
    /// While it applies, the list is the application's (changed by a 补正), which the experts scored.
    /// </summary>
    public async Task<string?> ChangeRepresentativesAsync(Guid homeId, string? text)
    {
        var home = await db.RepresentativeHomes.SingleAsync(h => h.Id == homeId);
        if (home.Status == RepresentativeHomeStatus.Applying) return "申报期间的代表名单以申报书为准，认定后可在此更新";
        if (home.Status != RepresentativeHomeStatus.Designated) return $"“{home.Name}”{Names.Of(home.Status)}，代表名单不能再修改";
        var (representatives, problem) = RepresentativeRules.ReadRepresentatives(text);
        if (problem is not null) return problem;
        await ReplaceRepresentativesAsync(home, representatives);
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>The application passed the completeness check and goes to the experts.</summary>
    public async Task CheckedAsync(RepresentativeHome home)
    {
        home.CheckedAt ??= Now;
        await db.SaveChangesAsync();
    }

    /// <summary>Keeps every expert's points (R32) and the mean of their totals, which ranks the home.</summary>
    public async Task ScoredAsync(RepresentativeHome home, IReadOnlyList<ExpertScore> scores)
    {
        db.ExpertScores.RemoveRange(await db.ExpertScores.Where(s => s.HomeId == home.Id).ToListAsync());
        db.ExpertScores.AddRange(scores);
        home.Score = RepresentativeRules.Mean(scores.Select(s => s.Total));
        home.ActivityScore = RepresentativeRules.Mean(scores.Select(s => s.Activities));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The designation year the next yearly assessment closes and the day it falls on (that year's last day), or a null
    /// day when the designation has no year left (R36: assessed every year it holds, the last one before it expires).
    /// </summary>
    public async Task<(int Year, DateOnly? On)> NextAssessmentAsync(RepresentativeHome home)
    {
        var year = await db.RepresentativeAssessments.CountAsync(a => a.HomeId == home.Id) + 1;
        var on = home.DesignatedOn!.Value.AddYears(year).AddDays(-1);
        return (year, on <= home.ValidUntil ? on : null);
    }

    /// <summary>Publishes a yearly assessment (R36); an unqualified one revokes the designation (动态管理).</summary>
    public async Task<RepresentativeAssessment> AssessedAsync(RepresentativeHome home, int year, bool qualified, string opinion, string? reviewerId)
    {
        var assessment = await db.RepresentativeAssessments.FirstOrDefaultAsync(a => a.HomeId == home.Id && a.DesignationYear == year);
        if (assessment is not null) return assessment;
        assessment = new RepresentativeAssessment
        {
            Id = Guid.CreateVersion7(), HomeId = home.Id, DesignationYear = year, Qualified = qualified, Opinion = opinion, ReviewerId = reviewerId,
            PublishedOn = Today,
        };
        db.RepresentativeAssessments.Add(assessment);
        if (!qualified && home.Status == RepresentativeHomeStatus.Designated) End(home, RepresentativeHomeStatus.Revoked, $"认定后第 {year} 年年度考核不合格，撤销认定（R36）");
        await db.SaveChangesAsync();
        return assessment;
    }

    /// <summary>The designation's two years are over (R36): the organisation may apply again.</summary>
    public async Task ExpireAsync(RepresentativeHome home)
    {
        if (home.Status == RepresentativeHomeStatus.Designated) End(home, RepresentativeHomeStatus.Expired, "认定有效期满（R36）");
        await db.SaveChangesAsync();
    }

    /// <summary>An application withdrawn or cancelled before its call decided; saved by the caller.</summary>
    public void Withdraw(RepresentativeHome home, string reason)
    {
        if (home.Status == RepresentativeHomeStatus.Applying) End(home, RepresentativeHomeStatus.Withdrawn, reason);
    }

    private void End(RepresentativeHome home, RepresentativeHomeStatus status, string reason)
    {
        home.Status = status;
        home.EndedOn = Today;
        home.EndReason = reason;
    }

    public static string KindName(OrganisationKind? kind) => kind switch
    {
        OrganisationKind.Enterprise => "企业科协",
        OrganisationKind.Park => "园区科协",
        OrganisationKind.Street => "街镇科协",
        OrganisationKind.Society => "省级学会",
        OrganisationKind.District => "区县科协",
        OrganisationKind.City => "设区市科协",
        OrganisationKind.Province => "省科协",
        _ => "未登记单位",
    };
}
