using System.Text.Json.Nodes;
using KxHome.Host.Forms;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KxHome.Host.Cases;

/// <summary>
/// Tasks over HTTP: the worklists (待办 / 已办 / 抄送), claiming, completing (form data checked against the task's
/// form, as on the pages), and every approval operation through <see cref="ApprovalDesk"/>, which checks that the
/// task is the caller's. A task the caller may not see answers 404, the same as a task that does not exist.
/// </summary>
public static class TasksApi
{
    public sealed record CompleteTask(Dictionary<string, JsonNode?>? Variables, string? Comment);

    /// <summary>The inputs of an operation: a reason, the step to go back to (退回), the person (委派, 转交, 加签, 抄送).</summary>
    public sealed record Operation(string? Comment, string? TargetElementId, string? PersonId);

    public sealed record Urge(string? Comment);

    public sealed record Person(string Id, string Name, string? OrganisationId);

    /// <summary>The operations by their path segment.</summary>
    public static readonly IReadOnlyDictionary<string, ApprovalAction> Operations = new Dictionary<string, ApprovalAction>
    {
        ["approve"] = ApprovalAction.Approve,
        ["reject"] = ApprovalAction.Reject,
        ["return"] = ApprovalAction.Return,
        ["correction"] = ApprovalAction.Correction,
        ["delegate"] = ApprovalAction.Delegate,
        ["transfer"] = ApprovalAction.Transfer,
        ["add-signer-before"] = ApprovalAction.AddSignerBefore,
        ["add-signer-after"] = ApprovalAction.AddSignerAfter,
        ["cc"] = ApprovalAction.Copy,
    };

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").RequireAuthorization().WithTags("待办");
        api.MapGet("", ListAsync);
        api.MapGet("/{id:guid}", async (Guid id, ViewerAccessor viewers, CaseAccess access, CaseTitles titles) =>
            await access.ReadableTaskAsync(await viewers.GetAsync(), id) is { } task ? Results.Ok((await titles.TitledAsync([task]))[0]) : CasesApi.NotFound());
        api.MapGet("/{id:guid}/steps", async (Guid id, ViewerAccessor viewers, CaseAccess access, ApprovalDesk desk) =>
            await access.ActionableTaskAsync(await viewers.GetAsync(), id) is { } task ? Results.Ok(await desk.PassedStepsAsync(task)) : CasesApi.NotFound());
        api.MapGet("/{id:guid}/people", async (Guid id, ViewerAccessor viewers, CaseAccess access, ApprovalDesk desk) =>
            await access.ActionableTaskAsync(await viewers.GetAsync(), id) is { } task
                ? Results.Ok((await desk.HandoverPeopleAsync(task)).Select(p => new Person(p.Id, p.DisplayName, p.OrganisationId)))
                : CasesApi.NotFound());
        api.MapPost("/{id:guid}/claim", async (Guid id, ViewerAccessor viewers, CaseAccess access, WorkflowEngine engine) =>
        {
            var viewer = await viewers.GetAsync();
            return await access.ActionableTaskAsync(viewer, id) is { } task ? Results.Ok(await engine.ClaimAsync(task.Id, viewer.UserId)) : CasesApi.NotFound();
        });
        api.MapPost("/{id:guid}/complete", CompleteAsync);
        foreach (var (segment, action) in Operations)
        {
            api.MapPost($"/{{id:guid}}/{segment}", async (Guid id, Operation? request, ViewerAccessor viewers, ApprovalDesk desk) =>
            {
                var message = await desk.ActAsync(await viewers.GetAsync(), id, new ApprovalRequest(action)
                {
                    Comment = request?.Comment, TargetElementId = request?.TargetElementId, PersonId = request?.PersonId,
                });
                return TypedResults.Ok(new { message });
            }).WithName($"task-{segment}");
        }
        api.MapPost("/{id:guid}/urge", async (Guid id, Urge? request, ViewerAccessor viewers, ApprovalDesk desk) =>
        {
            await desk.UrgeAsync(await viewers.GetAsync(), id, request?.Comment);
            return TypedResults.NoContent();
        });
        return app;
    }

    /// <summary>待办 (tab=todo, the default: an applicant's own steps included), 已办 (done) or 抄送 (cc), a page at a time.</summary>
    private static async Task<IResult> ListAsync(string? tab, int? page, int? size, ViewerAccessor viewers, Worklist worklist, CaseTitles titles)
    {
        var viewer = await viewers.GetAsync();
        var paging = Paging.Of(page, size);
        async Task<IResult> TitledAsync(Paged<UserTaskView> tasks) => Results.Ok(tasks with { Items = await titles.TitledAsync(tasks.Items) });
        return tab switch
        {
            null or "todo" => await TitledAsync(await worklist.TodoAsync(viewer, paging, withApplicantSteps: true)),
            "done" => await TitledAsync(await worklist.DoneAsync(viewer, paging)),
            "cc" => Results.Ok(await worklist.CopiesAsync(viewer, paging)),
            _ => Results.Problem(title: "tab 只能是 todo、done 或 cc", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = "tab" }),
        };
    }

    /// <summary>Completes a task; when it has a form, the variables are checked against it and only its fields are kept.</summary>
    private static async Task<IResult> CompleteAsync(Guid id, CompleteTask request, ViewerAccessor viewers, CaseAccess access, TaskSubmission submission)
    {
        var viewer = await viewers.GetAsync();
        if (await access.ActionableTaskAsync(viewer, id) is not { } task) return CasesApi.NotFound();
        var submitted = new JsonObject();
        foreach (var (key, value) in request.Variables ?? []) submitted[key] = value?.DeepClone();
        var result = await submission.SubmitAsync(viewer, task, submitted, request.Comment);
        return result.Done
            ? Results.Ok(result.Outcome)
            : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "表单填写有误",
                detail: string.Join("；", result.Errors.Values));
    }
}
