using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KxHome.Host.Cases;

/// <summary>
/// Programmes and cases over HTTP, each read and write checked against who is asking (<see cref="Viewer"/>): an
/// applicant starts cases of the programmes open to them and reads and withdraws their organisation's cases.
/// </summary>
public static class CasesApi
{
    public sealed record StartCase(string DefinitionKey, string? BusinessKey);

    public sealed record Withdraw(string? Reason);

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("申报");
        api.MapGet("/programmes", async (ViewerAccessor viewers, Programmes programmes) =>
            TypedResults.Ok(await programmes.OpenToAsync(await viewers.GetAsync())));
        api.MapPost("/cases", async (StartCase request, ViewerAccessor viewers, Programmes programmes) =>
        {
            var instance = await programmes.StartAsync(await viewers.GetAsync(), request.DefinitionKey, request.BusinessKey);
            return TypedResults.Created($"/api/cases/{instance.Id}", instance);
        });
        api.MapGet("/cases", async (int? page, int? size, string? number, ViewerAccessor viewers, Worklist worklist, CaseTitles titles) =>
        {
            var cases = await worklist.CasesAsync(await viewers.GetAsync(), Paging.Of(page, size), string.IsNullOrWhiteSpace(number) ? null : number.Trim());
            return TypedResults.Ok(cases with { Items = await titles.TitledAsync(cases.Items) });
        });
        api.MapGet("/cases/{id:guid}", GetAsync);
        api.MapPost("/cases/{id:guid}/withdraw", WithdrawAsync);
        return app;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(Guid id, ViewerAccessor viewers, CaseAccess access, CaseTitles titles) =>
        await access.CaseAsync(await viewers.GetAsync(), id) is { } instance ? TypedResults.Ok(await titles.TitledAsync(instance)) : NotFound();

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
