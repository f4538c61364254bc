using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Associations;

/// <summary>
/// Associations and cultivation paths over HTTP, each read and write checked against who is asking: the associations
/// one may see, one association's file (terms, officers, documents, the 换届 under way, nominations), nominating while
/// a 换届 collects them (R23), starting a 换届 early with a reason (R20), the terms filed with one's own association,
/// and the cultivation paths (R10–R12). One may not see answers 404, the same as one that does not exist.
/// </summary>
public static class AssociationsApi
{
    public sealed record NewNomination(NominationKind Kind, string? Name, string? Unit, string? Reason);

    public sealed record EarlyStart(string? Reason);

    public static IEndpointRouteBuilder MapAssociations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("科协");
        api.MapGet("/associations", async (ViewerAccessor viewers, AssociationDirectory directory) =>
            TypedResults.Ok((await directory.ListAsync(await viewers.GetAsync())).Select(r => new
            {
                r.Association.Id, r.Association.Name, r.Association.Kind, r.Association.Status, r.Organisation, Term = r.Term?.Number,
                r.Term?.StartsOn, r.Term?.EndsOn, r.RenewalOpensOn, r.Chair,
            })));
        api.MapGet("/associations/{id:guid}", async Task<IResult> (Guid id, ViewerAccessor viewers, AssociationDirectory directory) =>
            await directory.FileAsync(await viewers.GetAsync(), id) is { } file ? TypedResults.Ok(ToFile(file)) : CasesApi.NotFound());
        api.MapPost("/associations/{id:guid}/nominations", async Task<IResult> (Guid id, NewNomination nomination, ViewerAccessor viewers,
            AssociationDirectory directory, AssociationRegistry registry) =>
        {
            var viewer = await viewers.GetAsync();
            if (await directory.ReadableAsync(viewer, id) is not { } association || !AssociationDirectory.MayNominate(viewer, association)) return CasesApi.NotFound();
            var term = await registry.CurrentTermAsync(id);
            var problem = term?.RenewalCaseId is { } caseId
                ? await registry.NominateAsync(association, caseId, nomination.Kind, nomination.Name ?? "", nomination.Unit ?? "", nomination.Reason ?? "", viewer.UserId)
                : "本科协还没有届次";
            return problem is null ? TypedResults.NoContent() : Refused(problem, "name");
        });
        api.MapPost("/associations/{id:guid}/renewal", async Task<IResult> (Guid id, EarlyStart request, ViewerAccessor viewers,
            AssociationDirectory directory, AssociationRegistry registry, WorkflowEngine engine) =>
        {
            var viewer = await viewers.GetAsync();
            if (await directory.ReadableAsync(viewer, id) is not { } association || !AssociationDirectory.ActsFor(viewer, association)) return CasesApi.NotFound();
            var problem = await StartEarlyAsync(association, request.Reason, registry, engine, viewer.UserId);
            return problem is null ? TypedResults.NoContent() : Refused(problem, "reason");
        });
        api.MapGet("/associations/filed", async (ViewerAccessor viewers, AssociationDirectory directory) =>
            TypedResults.Ok((await directory.FiledWithAsync(await viewers.GetAsync())).Select(f => new
            {
                Association = f.Association, f.Term.AssociationId, f.Term.Number, f.Term.StartsOn, f.Term.EndsOn, f.Term.CongressOn, f.Term.FiledOn,
                f.Term.TimingReason,
            })));
        api.MapGet("/cultivation-paths", async (ViewerAccessor viewers, AssociationDirectory directory) =>
            TypedResults.Ok((await directory.PathsAsync(await viewers.GetAsync())).Select(p => new
            {
                p.Path.Id, p.Path.HomeId, p.HomeName, p.Organisation, p.Path.Stage, p.Path.FromList, p.Path.LaunchedOn, p.Path.IntentDeclaredOn,
                p.Path.ImproveFrom, p.Path.UpgradeFrom, p.Path.EndedOn, p.Path.EndReason, p.Path.AssociationId, p.Path.CaseId, p.Guidance,
                Verifications = p.Verifications.Select(v => new { v.Year, v.VerifiedOn, v.Passed, v.ImprovementPoints }),
            })));
        return app;
    }

    /// <summary>Starts the current term's 换届 by hand (R20): before it opens only with a reason; refused once it has begun.</summary>
    public static async Task<string?> StartEarlyAsync(ParkAssociation association, string? reason, AssociationRegistry registry, WorkflowEngine engine, string userId)
    {
        var term = await registry.CurrentTermAsync(association.Id);
        if (term?.RenewalCaseId is not { } caseId) return "本科协还没有届次";
        var renewal = await engine.Queries.GetInstanceAsync(caseId);
        if (renewal.Status != InstanceStatus.Active || !renewal.ActiveElements.Any(a => a.ElementId == "opens")) return "本届换届已经开始，无需再次启动";
        var opensOn = DateOnly.TryParse(VariableValues.Text(renewal.Variables, "renewalOpensOn"), out var on) ? on : term.EndsOn;
        if (TermRules.EarlyProblem(registry.Today, opensOn, reason) is { } problem) return problem;
        await engine.CorrelateMessageAsync(new MessageCorrelation("kx-term-renewal-start")
        {
            InstanceId = caseId, Variables = new Dictionary<string, object?> { ["earlyReason"] = reason?.Trim() ?? "" },
        });
        return null;
    }

    private static object ToFile(AssociationDirectory.File file) => new
    {
        file.Association, file.Organisation, file.RenewalOpensOn, file.FiledWithName,
        Terms = file.Terms.Select(t => new
        {
            t.Term.Number, t.Term.StartsOn, t.Term.EndsOn, t.Term.Years, t.Term.LengthReason, t.Term.TimingReason, t.Term.CongressOn,
            t.Term.ReportAdopted, t.Term.CharterAdopted, t.Term.CommitteeMembers, t.Term.FiledOn, t.Term.FiledWith,
            Officers = t.Officers.Select(o => new { o.Role, o.Name, o.Title, o.Phone }),
            Documents = t.Documents.Select(d => new { d.Id, d.FileName, d.Slot }),
        }),
        Renewal = file.Renewal is { } r ? new { r.Id, r.Number, r.Status, Steps = r.ActiveElements.Select(a => a.ElementId) } : null,
        Nominations = file.Nominations.Select(n => new { n.Kind, n.Name, n.Unit, n.Reason, n.At }),
        Path = file.Path is { } p ? new { p.Id, p.Stage, p.LaunchedOn, p.EndedOn } : null,
    };

    private static IResult Refused(string problem, string field) =>
        TypedResults.Problem(title: problem, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });
}
