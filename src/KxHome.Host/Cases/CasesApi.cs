using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KxHome.Host.Cases;

/// <summary>
/// Programmes and cases over HTTP, each read and write checked against who is asking (<see cref="Viewer"/>): an
/// applicant starts cases of the programmes open to them and reads and withdraws their organisation's cases.
/// </summary>
public static class CasesApi
{
    public sealed record StartCase(string DefinitionKey, string? BusinessKey, Guid? HomeId = null);

    public sealed record Withdraw(string? Reason);

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("申报");
        api.MapGet("/programmes", async (ViewerAccessor viewers, Programmes programmes) =>
            TypedResults.Ok(await programmes.OpenToAsync(await viewers.GetAsync())));
        api.MapPost("/cases", async (StartCase request, ViewerAccessor viewers, Programmes programmes) =>
        {
            var instance = await programmes.StartAsync(await viewers.GetAsync(), request.DefinitionKey, request.BusinessKey, request.HomeId);
            return TypedResults.Created($"/api/cases/{instance.Id}", instance);
        });
        api.MapGet("/cases", async (int? page, int? size, string? number, ViewerAccessor viewers, Worklist worklist, CaseTitles titles) =>
        {
            var cases = await worklist.CasesAsync(await viewers.GetAsync(), Paging.Of(page, size), string.IsNullOrWhiteSpace(number) ? null : number.Trim());
            return TypedResults.Ok(cases with { Items = await titles.TitledAsync(cases.Items) });
        });
        api.MapGet("/cases/{id:guid}", GetAsync);
        api.MapPost("/cases/{id:guid}/withdraw", WithdrawAsync);
        api.MapPost("/cases/{id:guid}/files", UploadAsync);
        return app;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(Guid id, ViewerAccessor viewers, CaseAccess access, CaseTitles titles) =>
        await access.CaseAsync(await viewers.GetAsync(), id) is { } instance ? TypedResults.Ok(await titles.TitledAsync(instance)) : NotFound();

    /// <summary>
    /// An applicant uploads evidence to their organisation's open case; <c>slot</c> names the required document it is
    /// (a key of the step's form's <c>documents</c>, e.g. the 换届 work report of R21).
    /// </summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, ViewerAccessor viewers, CaseAccess access, CaseFiles files,
        WorkflowEngine engine, Forms.FormCatalog forms)
    {
        var viewer = await viewers.GetAsync();
        if (!viewer.IsApplicant || await access.CaseAsync(viewer, id) is not { } instance || instance.Owner != viewer.OrganisationId) return NotFound();
        if (instance.Status != InstanceStatus.Active) return TypedResults.Problem(title: "案件已结束，不能再上传附件", statusCode: StatusCodes.Status409Conflict);
        IFormCollection? form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        }
        catch (InvalidDataException)
        {
            form = null;
        }
        if (form?.Files["file"] is not { } file) return FileProblem("请以 multipart/form-data 上传一个文件（字段 file）");
        var slot = form["slot"].FirstOrDefault() is { Length: > 0 } named ? named : null;
        if (slot is not null)
        {
            var required = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = id }))
                .SelectMany(t => forms.Find(t.FormKey)?.Documents ?? []).Select(d => d.Key);
            if (!required.Contains(slot)) return TypedResults.Problem(title: $"当前环节不要求材料 “{slot}”", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = "slot" });
        }
        var (saved, problem) = await files.SaveAsync(id, file, viewer.UserId, slot);
        return saved is null ? FileProblem(problem!) : TypedResults.Created($"/api/cases/{id}/files/{saved.Id}", new { saved.Id, saved.FileName, saved.Slot, saved.Size });
    }

    private static ProblemHttpResult FileProblem(string problem) =>
        TypedResults.Problem(title: problem, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "file" });

    /// <summary>撤回: the applicant side takes its case back while nobody outside it has acted.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid id, Withdraw request, ViewerAccessor viewers, CaseAccess access, ApprovalDesk desk)
    {
        var viewer = await viewers.GetAsync();
        if (!viewer.IsApplicant || await access.CaseAsync(viewer, id) is not { } instance || !viewer.CanSee(instance.Owner)) return NotFound();
        await desk.WithdrawAsync(viewer, instance, request.Reason);
        return TypedResults.NoContent();
    }

    /// <summary>The answer for a case or task that does not exist or may not be seen: the same, so nothing leaks.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "不存在或无权查看", statusCode: StatusCodes.Status404NotFound);
}
