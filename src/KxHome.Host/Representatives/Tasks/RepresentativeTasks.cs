using System.Text.Json;
using KxHome.Host.Homes.Tasks;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Representatives.Tasks;

/// <summary>A task of the 科协代表之家 flows (topics <c>kx-representative-*</c>): the call or application of its case.</summary>
public abstract class RepresentativeTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    protected static async Task<InstanceView> CaseAsync(ServiceTaskContext context, IServiceProvider services) =>
        await services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(context.InstanceId);

    protected static async Task<Call> CallAsync(ServiceTaskContext context, IServiceProvider services) =>
        Guid.TryParse(Text(context, "callId"), out var id) && await services.GetRequiredService<RepresentativeDesk>().CallAsync(id) is { } call
            ? call
            : throw new InvalidOperationException($"“{context.ElementId}”：案件缺少申报通知（变量 callId）");

    /// <summary>The call of the case, refused once it is decided: a late job must not add to a ranking already published.</summary>
    protected static async Task<Call> OpenCallAsync(ServiceTaskContext context, IServiceProvider services) =>
        await CallAsync(context, services) is { Status: CallStatus.Open } call
            ? call
            : throw new InvalidOperationException($"“{context.ElementId}”：本年度科协代表之家评审已经结束，不再受理");

    protected static async Task<RepresentativeHome> ApplicationAsync(ServiceTaskContext context, IServiceProvider services) =>
        await services.GetRequiredService<RepresentativeDesk>().OfCaseAsync(context.InstanceId)
        ?? throw new InvalidOperationException($"“{context.ElementId}”：案件还没有登记申报");
}

/// <summary>开启年度申报: the call recorded from the year's settings (R32, R35, R36); gives the filing deadline for the timer.</summary>
public sealed class OpenCallTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-open";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var owner = (await CaseAsync(context, services)).Owner ?? throw new InvalidOperationException($"“{context.ElementId}”：案件不属于任何单位");
        var id = Guid.TryParse(Text(context, "callId"), out var given) ? given : Guid.CreateVersion7();
        var call = await services.GetRequiredService<CallDesk>().OpenAsync(context.InstanceId, id, owner, Year(context));
        var desk = services.GetRequiredService<RepresentativeDesk>();
        return new Dictionary<string, object?>
        {
            ["callId"] = call.Id.ToString(), ["quota"] = call.Quota, ["filingDeadline"] = BusinessDates.Format(call.FilingDeadline),
            ["filingClosesAt"] = BusinessDates.EndOfDayUtc(call.FilingDeadline, desk.Zone),
        };
    }
}

/// <summary>排名认定并公布结果: the call decided (R36) and every waiting application told.</summary>
public sealed class DecideCallTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-rank";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var call = await CallAsync(context, services);
        await services.GetRequiredService<CallDesk>().DecideAsync(call, ct);
        return new Dictionary<string, object?> { ["decidedOn"] = call.DecidedOn?.ToString("yyyy-MM-dd") };
    }
}

/// <summary>登记申报: the application recorded, or updated on a 补正 (R33, R35); refused for an organisation that may not apply (R34).</summary>
public sealed class FileApplicationTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-file";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var owner = (await CaseAsync(context, services)).Owner ?? throw new InvalidOperationException($"“{context.ElementId}”：案件不属于任何单位");
        var desk = services.GetRequiredService<RepresentativeDesk>();
        if (await desk.EligibilityProblemAsync(owner, context.InstanceId) is { } problem) throw new InvalidOperationException($"“{context.ElementId}”：{problem}");
        var call = await OpenCallAsync(context, services);
        var id = Guid.TryParse(Text(context, "representativeHomeId"), out var given) ? given : Guid.CreateVersion7();
        // Filed when the applicant first submitted, not when this job ran: the earlier filing wins a tie (R36).
        var filedAt = (await CaseAsync(context, services)).History.First(h => h.Kind == HistoryKind.TaskCompleted && h.ElementId == "apply").At;
        var application = new RepresentativeDesk.Application(
            Text(context, "homeName").Trim(), Text(context, "place").Trim(), Text(context, "contactName").Trim(), Text(context, "contactPhone").Trim(),
            RepresentativeRules.Characters(Text(context, "proposal")), RepresentativeRules.ReadRepresentatives(Text(context, "representatives")).Representatives);
        var home = await desk.FileAsync(context.InstanceId, id, call, owner, filedAt, application);
        return new Dictionary<string, object?> { ["homeName"] = home.Name };
    }
}

/// <summary>安排评审专家: the application found complete goes to the call's experts (the province's), one scoring task each (R32).</summary>
public sealed class ScoringExpertsTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-experts";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await ApplicationAsync(context, services);
        // One panel for the whole call, so that the means it ranks are comparable; never the applicant's own experts.
        var call = await OpenCallAsync(context, services);
        var experts = (await services.GetRequiredService<People>().WithRolesForAsync(call.OrganisationId, [Roles.Expert]))
            .Where(e => e.OrganisationId == call.OrganisationId).ToList();
        if (experts.Count == 0)
        {
            throw new InvalidOperationException($"“{context.ElementId}”：没有可以评审此申报的专家（角色 expert），请先为省科协添加专家账号，再重试");
        }
        await services.GetRequiredService<RepresentativeDesk>().CheckedAsync(home);
        return new Dictionary<string, object?> { ["experts"] = experts.Select(e => e.Id).OrderBy(id => id, StringComparer.Ordinal).ToList() };
    }
}

/// <summary>汇总专家评分: every expert's points kept, and the mean of their totals that ranks the home (R32).</summary>
public sealed class ScoredTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-scored";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await ApplicationAsync(context, services);
        var rubric = Rubric.FromJson((await CallAsync(context, services)).Rubric);
        var instance = await CaseAsync(context, services);
        // Each expert's latest scoring of this case, as the history kept what they submitted.
        var scorings = instance.History.Where(h => h.Kind == HistoryKind.TaskCompleted && h.ElementId == "score" && h.UserId is not null && h.Data is not null)
            .GroupBy(h => h.UserId!).Select(g => g.Last()).ToList();
        if (scorings.Count == 0) throw new InvalidOperationException($"“{context.ElementId}”：没有专家评分");
        var scores = new List<ExpertScore>();
        foreach (var scoring in scorings)
        {
            var (points, problems) = rubric.Read(field => scoring.Data![field]?.ToString());
            if (problems.Count > 0) throw new InvalidOperationException($"“{context.ElementId}”：{problems[0].Problem}");
            scores.Add(new ExpertScore
            {
                Id = Guid.CreateVersion7(), HomeId = home.Id, ExpertId = scoring.UserId!, Points = JsonSerializer.Serialize(points),
                Total = points.Values.Sum(), Activities = rubric.Items.Where(i => i.Part == Rubric.Activities).Sum(i => points[i.Field]),
                Opinion = scoring.Data!["opinion"]?.ToString() ?? "", At = scoring.At,
            });
        }
        await services.GetRequiredService<RepresentativeDesk>().ScoredAsync(home, scores);
        return new Dictionary<string, object?> { ["score"] = home.Score?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) };
    }
}

/// <summary>
/// 安排年度考核: the designation's next yearly assessment on the last day of its year (R36); none when no year is left.
/// Gives <c>assessAgain</c>, <c>assessAt</c> and <c>designationYear</c>. (Its expiry waits beside it, from the decision.)
/// </summary>
public sealed class PlanAssessmentTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-plan";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var desk = services.GetRequiredService<RepresentativeDesk>();
        var home = await ApplicationAsync(context, services);
        if (home.DesignatedOn is null || home.ValidUntil is null) throw new InvalidOperationException($"“{context.ElementId}”：“{home.Name}”尚未认定");
        var (year, on) = await desk.NextAssessmentAsync(home);
        return new Dictionary<string, object?>
        {
            ["assessAgain"] = on is not null, ["designationYear"] = year,
            ["assessAt"] = on is { } day ? BusinessDates.AtUtc(day, 9, desk.Zone) : null,
        };
    }
}

/// <summary>公布考核结果: the yearly assessment published (R36); an unqualified one revokes the designation.</summary>
public sealed class AssessedTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-assessed";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await ApplicationAsync(context, services);
        var year = int.TryParse(Text(context, "designationYear"), out var y) ? y : throw new InvalidOperationException($"“{context.ElementId}”：案件缺少考核年度（变量 designationYear）");
        var (reviewer, _) = await LastCompletionAsync(services.GetRequiredService<WorkflowEngine>(), context.InstanceId, h => h.ElementId == "assess");
        var assessment = await services.GetRequiredService<RepresentativeDesk>().AssessedAsync(home, year, Flag(context, "qualified"), Text(context, "opinion"), reviewer);
        return new Dictionary<string, object?> { ["revoked"] = !assessment.Qualified };
    }
}

/// <summary>认定期满: the designation's years are over (R36); the organisation may apply again.</summary>
public sealed class ExpireTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public override string Topic => "kx-representative-expire";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<RepresentativeDesk>().ExpireAsync(await ApplicationAsync(context, services));
        return null;
    }
}

/// <summary>
/// 给出补正期限: an application sent back for 补正 is due again in <see cref="Days"/> days, or by the filing deadline
/// when that is later; gives <c>applyDueAt</c> for the step it returns to.
/// </summary>
public sealed class CorrectionDueTask(IServiceScopeFactory scopes) : RepresentativeTask(scopes)
{
    public const int Days = 10;

    public override string Topic => "kx-representative-correction";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var desk = services.GetRequiredService<RepresentativeDesk>();
        var call = await CallAsync(context, services);
        var deadline = BusinessDates.EndOfDayUtc(call.FilingDeadline, desk.Zone);
        var due = BusinessDates.EndOfDayUtc(desk.Today.AddDays(Days), desk.Zone);
        return new Dictionary<string, object?> { ["applyDueAt"] = due > deadline ? due : deadline };
    }
}
