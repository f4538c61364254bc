using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KxHome.Host.Homes;

/// <summary>
/// Homes over HTTP, each read and write checked against who is asking: the homes one may see with this year's figures
/// and rule results, one home's file, its ledgers (kept by the home's own applicants), the cultivation list, the year's
/// assessments, and the rule sets' settings (read by everyone signed in, changed by administrators). A home one may not
/// see answers 404, the same as one that does not exist.
/// </summary>
public static class HomesApi
{
    public sealed record Rule(string RuleId, string Label, string Actual, string Required, bool Passed, bool Advisory, string Text);

    public sealed record HomeRow(
        Guid Id, string Name, HomeKind Kind, HomeStatus Status, string Organisation, string? PlaqueNumber, IReadOnlyList<Rule> Rules,
        int LateNews, IReadOnlyList<int> MissingReportMonths, AssessmentStatus? Assessment, AssessmentGrade? Grade);

    public sealed record Respond(DateOnly? RespondedOn, string? Outcome);

    public sealed record Settings(Dictionary<string, string?> Values);

    public static IEndpointRouteBuilder MapHomes(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("之家");
        api.MapGet("/homes", async Task<IResult> (HomeStatus? status, int? year, int? page, int? size, ViewerAccessor viewers, HomeDirectory directory) =>
        {
            if (BadYear(year) is { } bad) return bad;
            var rows = await directory.ListAsync(await viewers.GetAsync(), status, Paging.Of(page, size), year);
            return TypedResults.Ok(new Paged<HomeRow>(rows.Items.Select(ToRow).ToList(), rows.Page, rows.Size, rows.HasMore));
        });
        api.MapGet("/homes/{id:guid}", async Task<IResult> (Guid id, int? year, ViewerAccessor viewers, HomeDirectory directory) =>
            BadYear(year) is { } bad ? bad : await directory.FileAsync(await viewers.GetAsync(), id, year) is { } file ? TypedResults.Ok(ToFile(file)) : CasesApi.NotFound());
        api.MapPost("/homes/{id:guid}/events", async Task<IResult> (Guid id, LedgerBook.NewEvent entry, ViewerAccessor viewers, HomeAccess access, LedgerBook ledgers) =>
        {
            var viewer = await viewers.GetAsync();
            if (await access.KeptByAsync(viewer, id) is not { } home) return CasesApi.NotFound();
            return Answer(await ledgers.AddEventAsync(home, entry, viewer.UserId), e => $"/api/homes/{id}/events/{e.Id}");
        });
        api.MapPost("/homes/{id:guid}/events/{eventId:guid}/news", async Task<IResult> (Guid id, Guid eventId, ViewerAccessor viewers, HomeAccess access, LedgerBook ledgers) =>
            await access.KeptByAsync(await viewers.GetAsync(), id) is { } home && await ledgers.ReportNewsAsync(home, eventId) is { } entry
                ? TypedResults.Ok(entry) : CasesApi.NotFound());
        api.MapPost("/homes/{id:guid}/demands", async Task<IResult> (Guid id, LedgerBook.NewDemand entry, ViewerAccessor viewers, HomeAccess access, LedgerBook ledgers) =>
            await access.KeptByAsync(await viewers.GetAsync(), id) is { } home
                ? Answer(await ledgers.AddDemandAsync(home, entry), d => $"/api/homes/{id}/demands/{d.Id}") : CasesApi.NotFound());
        api.MapPost("/homes/{id:guid}/demands/{demandId:guid}/response", async Task<IResult> (Guid id, Guid demandId, Respond response, ViewerAccessor viewers,
            HomeAccess access, LedgerBook ledgers) =>
            await access.KeptByAsync(await viewers.GetAsync(), id) is { } home
                ? Answer(await ledgers.RespondAsync(home, demandId, response.RespondedOn, response.Outcome), null) : CasesApi.NotFound());
        api.MapPost("/homes/{id:guid}/monthly-reports", async Task<IResult> (Guid id, LedgerBook.NewReport report, ViewerAccessor viewers, HomeAccess access, LedgerBook ledgers) =>
        {
            var viewer = await viewers.GetAsync();
            return await access.KeptByAsync(viewer, id) is { } home
                ? Answer(await ledgers.SubmitReportAsync(home, report, viewer.UserId), r => $"/api/homes/{id}/monthly-reports/{r.Id}") : CasesApi.NotFound();
        });
        api.MapGet("/cultivation", async (ViewerAccessor viewers, HomeDirectory directory) =>
            TypedResults.Ok((await directory.CultivationAsync(await viewers.GetAsync()))
                .Select(r => new { homeId = r.Home.Id, name = r.Home.Name, kind = r.Home.Kind, organisationId = r.Home.OrganisationId, year = r.Listing.Year })));
        api.MapGet("/assessments", async Task<IResult> (int? year, ViewerAccessor viewers, HomeDirectory directory) =>
            BadYear(year) is { } bad ? bad : TypedResults.Ok((await directory.AssessmentsAsync(await viewers.GetAsync(), year ?? directory.ThisYear)).Select(r => new
            {
                homeId = r.Home.Id, name = r.Home.Name, r.Assessment.Year, r.Assessment.Status, r.Assessment.Grade, r.Assessment.PublishedOn, r.Assessment.CaseId,
            })));
        api.MapGet("/policy/{ruleSet}/{year:int}", async Task<IResult> (string ruleSet, int year, PolicyBook policies) =>
        {
            if (!Enum.TryParse<RuleSet>(ruleSet, ignoreCase: true, out var set) || !Enum.IsDefined(set) || int.TryParse(ruleSet, out _)) return UnknownRuleSet(ruleSet);
            if (BadYear(year) is { } bad) return bad;
            var policy = await policies.ForAsync(set, year);
            return TypedResults.Ok(PolicyKeys.All.Where(k => RuleBook.Applies(set, k.RuleId)).Select(k => new
            {
                k.Key, k.RuleId, k.Label, k.Kind, k.Unit, value = policy.Text(k), shown = policy.Show(k), @default = k.DefaultFor(set), changed = policy.IsChanged(k),
            }));
        });
        api.MapPut("/policy/{ruleSet}/{year:int}", async Task<IResult> (string ruleSet, int year, Settings settings, ViewerAccessor viewers, PolicyBook policies) =>
        {
            if (!Enum.TryParse<RuleSet>(ruleSet, ignoreCase: true, out var set) || !Enum.IsDefined(set) || int.TryParse(ruleSet, out _)) return UnknownRuleSet(ruleSet);
            var problems = await policies.SaveAsync(set, year, settings.Values ?? [], (await viewers.GetAsync()).UserId);
            return problems.Count == 0 ? TypedResults.NoContent() : Invalid(problems);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        return app;
    }

    private static IResult Answer<T>(LedgerBook.Outcome<T> outcome, Func<T, string>? location) =>
        !outcome.Ok ? Invalid(outcome.Problems)
        : location is null ? TypedResults.Ok(outcome.Saved) : TypedResults.Created(location(outcome.Saved!), outcome.Saved);

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string> problems) =>
        TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }), title: "填写有误", detail: string.Join("；", problems.Values));

    /// <summary>A refusal of a year outside 2000–2100 (the settings and figures exist only for such years), or null.</summary>
    private static IResult? BadYear(int? year) => year is null or (>= 2000 and <= 2100) ? null
        : TypedResults.Problem(title: "年度须为 2000 至 2100 之间的年份", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["field"] = "year" });

    private static ProblemHttpResult UnknownRuleSet(string ruleSet) =>
        TypedResults.Problem(title: $"没有名为 “{ruleSet}” 的规则集，可用：Jiading（嘉定区）、Yiyang（益阳市）", statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["field"] = "ruleSet" });

    private static Rule ToRule(RuleResult r) => new(r.RuleId, r.Label, r.Actual, r.Required, r.Passed, r.Advisory, r.Text);

    private static HomeRow ToRow(HomeDirectory.Row row) => new(
        row.Home.Id, row.Home.Name, row.Home.Kind, row.Home.Status, row.Organisation, row.Home.PlaqueNumber, row.Rules.Select(ToRule).ToList(),
        row.Figures.LateNews, row.Figures.MissingReportMonths, row.ThisYear?.Status, row.ThisYear?.Grade);

    private static object ToFile(HomeDirectory.HomeFile file) => new
    {
        file.Home, file.Organisation, file.Live.Figures, rules = file.Live.Rules.Select(ToRule), file.Funding, file.MatchingOwedFen, file.MatchingShortfallFen,
        history = file.History.Select(c => new { c.Row.At, c.Row.From, c.Row.To, c.Row.Reason, c.Row.CaseId, who = c.Who }),
        assessments = file.Assessments.Select(a => new { a.Id, a.Year, a.Status, a.Grade, a.PublishedOn, a.CaseId, a.RectificationCaseId, snapshot = AssessmentSnapshot.FromJson(a.Snapshot) }),
        file.Events, file.Demands, file.Reports, paired = file.Paired.Select(h => new { h.Id, h.Name }), cases = file.Cases,
        cultivation = file.Cultivation,
    };
}
