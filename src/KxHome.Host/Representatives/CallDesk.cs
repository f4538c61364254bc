using System.Globalization;
using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Representatives;

/// <summary>
/// A province's yearly call for 科协代表之家 (seed 004): opened by its office with the year's settings (R32, R35, R36),
/// closed for filing at the deadline, and decided when review ends: the applications are ranked by their experts' mean,
/// the top ones by the quota designated for two years, the others declined (R36), and every waiting case told.
/// </summary>
public sealed class CallDesk(AppDbContext db, WorkflowEngine engine, RepresentativeDesk desk, PolicyBook policies)
{
    public const string CallFlow = "representative-call";
    public const string HomeFlow = "representative-home";
    public const string DecidedMessage = "kx-representative-decided";

    /// <summary>The province office starts this year's call: refused when it has one, or its deadline is past.</summary>
    public async Task<InstanceView> StartAsync(Viewer viewer)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == viewer.OrganisationId);
        if (!viewer.Roles.Contains(Roles.Province) || organisation?.Kind != OrganisationKind.Province)
        {
            throw new NotAllowedException("province-only", "只有省科协办公室可以发布科协代表之家申报通知");
        }
        var year = desk.Today.Year;
        if (await db.Calls.AsNoTracking().AnyAsync(c => c.OrganisationId == organisation.Id && c.Year == year)
            || (await engine.Queries.QueryInstancesAsync(new InstanceQuery { Owners = [organisation.Id], Status = InstanceStatus.Active, Take = 500 }))
                .Any(i => i.DefinitionKey == CallFlow))
        {
            throw new WorkflowConflictException("call-exists", $"{year}年度的科协代表之家申报通知已经发布");
        }
        var policy = await policies.ForAsync(await policies.RuleSetOfAsync(organisation.Id), year);
        if (RepresentativeRules.LateProblem(desk.Now, policy.Date(PolicyKeys.RepresentativeFilingDeadline), desk.Zone) is not null)
        {
            throw new WorkflowConflictException("call-too-late", $"{year}年度的申报截止日（{policy.Show(PolicyKeys.RepresentativeFilingDeadline)}）已过，请在规则设置中调整后再发布");
        }
        return await engine.StartAsync(Request(organisation.Id, viewer.UserId, year));
    }

    /// <summary>How a call's case starts: its own call id (the record its first step writes) in its business key.</summary>
    public static StartRequest Request(string organisationId, string userId, int year)
    {
        var id = Guid.CreateVersion7();
        return new StartRequest(CallFlow)
        {
            BusinessKey = RepresentativeRules.CallKey(id), StartedBy = userId, Owner = organisationId,
            Variables = new Dictionary<string, object?> { ["callId"] = id.ToString(), ["year"] = year },
        };
    }

    /// <summary>Records the call of a case from the year's settings (once: a retried job finds it).</summary>
    public async Task<Call> OpenAsync(Guid caseId, Guid id, string organisationId, int year)
    {
        if (await db.Calls.FirstOrDefaultAsync(c => c.CaseId == caseId) is { } opened) return opened;
        if (await db.Calls.AnyAsync(c => c.OrganisationId == organisationId && c.Year == year))
        {
            throw new InvalidOperationException($"{year}年度的科协代表之家申报通知已经发布，不能重复发布");
        }
        var policy = await policies.ForAsync(await policies.RuleSetOfAsync(organisationId), year);
        var call = new Call
        {
            Id = id, OrganisationId = organisationId, Year = year, Status = CallStatus.Open, CaseId = caseId, OpenedAt = desk.Now,
            FilingDeadline = policy.Date(PolicyKeys.RepresentativeFilingDeadline), Quota = policy.Int(PolicyKeys.RepresentativeQuota),
            ValidityYears = policy.Int(PolicyKeys.RepresentativeValidityYears), MinProposalCharacters = policy.Int(PolicyKeys.MinProposalCharacters),
            MinContacts = policy.Int(PolicyKeys.MinContactsPerRepresentative), Rubric = Rubric.From(policy).ToJson(),
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call;
    }

    /// <summary>
    /// Why review cannot end yet, naming the applications the office is still checking or the experts still scoring;
    /// or null. One sent back for 补正 does not hold review up: it is declined unranked if it is not back in time.
    /// </summary>
    public async Task<string?> ClosingProblemAsync(Guid callId)
    {
        var unscored = await db.RepresentativeHomes.AsNoTracking()
            .Where(h => h.CallId == callId && h.Status == RepresentativeHomeStatus.Applying && h.Score == null).ToListAsync();
        var open = new List<string>();
        foreach (var home in unscored)
        {
            var steps = (await engine.Queries.GetInstanceAsync(home.CaseId)).ActiveElements.Select(a => a.ElementId).ToList();
            if (!steps.Contains("apply")) open.Add(home.Name);
        }
        return open.Count == 0 ? null : $"以下申报的形式审查或专家评分尚未完成，评审还不能结束：{string.Join("、", open)}";
    }

    /// <summary>
    /// Decides the call (R36): the scored applications ranked (<see cref="RepresentativeRules.Ranked"/>), the first by the
    /// quota designated for the call's validity, the others declined; one whose 补正 is outstanding is declined unranked
    /// and its case ends. Then each waiting case is told its result. Deciding twice decides once.
    /// </summary>
    public async Task DecideAsync(Call call, CancellationToken ct)
    {
        var homes = await db.RepresentativeHomes.Where(h => h.CallId == call.Id).ToListAsync(ct);
        if (call.Status == CallStatus.Open)
        {
            var today = desk.Today;
            var ranked = RepresentativeRules.Ranked(homes.Where(h => h.Status == RepresentativeHomeStatus.Applying && h.Score != null));
            for (var i = 0; i < ranked.Count; i++)
            {
                var home = ranked[i];
                home.Rank = i + 1;
                if (i < call.Quota)
                {
                    home.Status = RepresentativeHomeStatus.Designated;
                    home.DesignatedOn = today;
                    home.ValidUntil = today.AddYears(call.ValidityYears).AddDays(-1);
                }
                else
                {
                    home.Status = RepresentativeHomeStatus.Declined;
                    home.EndedOn = today;
                    home.EndReason = $"排名第 {i + 1} 名，未进入本年度 {call.Quota} 个认定名额（R36）";
                }
            }
            foreach (var home in homes.Where(h => h.Status == RepresentativeHomeStatus.Applying))
            {
                home.Status = RepresentativeHomeStatus.Declined;
                home.EndedOn = today;
                home.EndReason = "评审结束时补正材料仍未提交，未进入评审";
            }
            call.Status = CallStatus.Decided;
            call.DecidedOn = today;
            await db.SaveChangesAsync(ct);
        }
        await TellAsync(call, homes, ct);
        await EndUnfiledAsync(call, homes, ct);
    }

    /// <summary>
    /// The call's applications started but never filed (still at their first step): nothing is left for them to do
    /// once the call is decided, so their cases end.
    /// </summary>
    private async Task EndUnfiledAsync(Call call, IReadOnlyList<RepresentativeHome> homes, CancellationToken ct)
    {
        var filed = homes.Select(h => h.CaseId).ToHashSet();
        var applying = await engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = [Roles.Applicant], Take = 10_000 }, ct);
        foreach (var task in applying.Where(t => t.DefinitionKey == HomeFlow && t.ElementId == "apply" && !filed.Contains(t.InstanceId)))
        {
            var instance = await engine.Queries.GetInstanceAsync(task.InstanceId, ct);
            if (VariableValues.Text(instance.Variables, "callId") != call.Id.ToString()) continue;
            await engine.CancelAsync(task.InstanceId, null, $"{call.Year}年度科协代表之家评审已结束，未提交的申报终止", ct);
        }
    }

    /// <summary>Each case still waiting hears its result; a case never found complete ends.</summary>
    private async Task TellAsync(Call call, IReadOnlyList<RepresentativeHome> homes, CancellationToken ct)
    {
        var active = (await engine.Queries.QueryInstancesAsync(new InstanceQuery { Ids = homes.Select(h => h.CaseId).ToList(), Status = InstanceStatus.Active, Take = homes.Count + 1 }, ct))
            .Select(i => i.Id).ToHashSet();
        foreach (var home in homes.Where(h => active.Contains(h.CaseId)))
        {
            var instance = await engine.Queries.GetInstanceAsync(home.CaseId, ct);
            if (home.Rank is null)
            {
                await engine.CancelAsync(home.CaseId, null, home.EndReason ?? "评审已结束", ct);
                continue;
            }
            if (instance.ActiveElements.All(a => a.ElementId != "decided"))
            {
                if (instance.History.Any(h => h.ElementId == "decided")) continue; // told before this job was retried
                // Scored but not yet waiting (its step is committing): the job is retried and tells it then.
                throw new InvalidOperationException($"“{home.Name}”的案件还没有到达“等待排名结果”，稍后重试");
            }
            await engine.CorrelateMessageAsync(new MessageCorrelation(DecidedMessage)
            {
                InstanceId = home.CaseId,
                Variables = new Dictionary<string, object?>
                {
                    ["designated"] = home.Status == RepresentativeHomeStatus.Designated, ["rank"] = home.Rank, ["quota"] = call.Quota,
                    ["score"] = home.Score?.ToString("0.00", CultureInfo.InvariantCulture),
                    ["validUntil"] = home.ValidUntil is { } until ? BusinessDates.Format(until) : "",
                    ["expiresAt"] = home.ValidUntil is { } last ? BusinessDates.EndOfDayUtc(last, desk.Zone) : null,
                },
            }, ct);
        }
    }
}
