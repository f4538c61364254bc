using KxHome.Host.Cases;
using KxHome.Workflows.Association;

namespace KxHome.Host.Representatives;

/// <summary>
/// 科协代表之家 over HTTP: the calls (public notices), the province office opening this year's, the applications one may
/// see, one application's file, and its representatives changed by the applicant (R33). One may not see answers 404.
/// </summary>
public static class RepresentativesApi
{
    public sealed record RepresentativeList(string? Text);

    public static IEndpointRouteBuilder MapRepresentatives(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("科协代表之家");
        api.MapGet("/representative-calls", async (ViewerAccessor viewers, RepresentativeDirectory directory) =>
            TypedResults.Ok((await directory.CallsAsync(await viewers.GetAsync())).Select(r => new
            {
                r.Call.Id, r.Call.Year, r.Call.OrganisationId, r.Call.Status, r.Call.FilingDeadline, r.Call.Quota, r.Call.ValidityYears,
                r.Call.DecidedOn, r.Call.CaseId, Rubric = Rubric.FromJson(r.Call.Rubric).Items,
                Homes = r.Homes.Select(ToRow),
            })));
        api.MapPost("/representative-calls", async Task<IResult> (ViewerAccessor viewers, CallDesk calls) =>
        {
            var started = await calls.StartAsync(await viewers.GetAsync());
            return TypedResults.Created($"/api/cases/{started.Id}", new { started.Id, started.Number });
        });
        api.MapGet("/representative-homes", async (ViewerAccessor viewers, RepresentativeDirectory directory) =>
            TypedResults.Ok((await directory.RowsAsync(await viewers.GetAsync())).Select(ToRow)));
        api.MapGet("/representative-homes/{id:guid}", async Task<IResult> (Guid id, ViewerAccessor viewers, RepresentativeDirectory directory) =>
            await directory.FileAsync(await viewers.GetAsync(), id) is { } file
                ? TypedResults.Ok(new
                {
                    Home = ToRow(new RepresentativeDirectory.Row(file.Home, file.Organisation, file.Call.Year)),
                    Representatives = file.Representatives.Select(r => new { r.Representative.Name, r.Representative.Contacts, r.Representative.ContactCount, r.Enough }),
                    file.Shortfall, MinContacts = file.Call.MinContacts,
                    Scores = file.Scores.Select(s => new { s.Expert, s.Points, s.Total, s.Opinion }),
                    Assessments = file.Assessments.Select(a => new { a.DesignationYear, a.Qualified, a.Opinion, a.PublishedOn }),
                })
                : CasesApi.NotFound());
        api.MapPut("/representative-homes/{id:guid}/representatives", async Task<IResult> (Guid id, RepresentativeList list, ViewerAccessor viewers,
            RepresentativeDirectory directory, RepresentativeDesk desk) =>
        {
            var viewer = await viewers.GetAsync();
            if (await directory.FileAsync(viewer, id) is not { } file || !RepresentativeDirectory.ActsFor(viewer, file.Home)) return CasesApi.NotFound();
            var problem = await desk.ChangeRepresentativesAsync(id, list.Text);
            return problem is null
                ? TypedResults.NoContent()
                : TypedResults.Problem(title: problem, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "representatives" });
        });
        return app;
    }

    private static object ToRow(RepresentativeDirectory.Row row) => new
    {
        row.Home.Id, row.Home.Name, row.Home.OrganisationId, row.Organisation, row.Year, row.Home.Status, row.Home.Score, row.Home.Rank,
        row.Home.DesignatedOn, row.Home.ValidUntil, row.Home.EndedOn, row.Home.EndReason, row.Home.CaseId, row.Home.FiledAt,
    };
}
