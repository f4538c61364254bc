using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace KxHome.Host.Cases;

/// <summary>Cases and tasks over HTTP, each read and write checked against who is asking (<see cref="Viewer"/>).</summary>
public static class CasesApi
{
    public sealed record StartCase(string DefinitionKey, Dictionary<string, JsonNode?>? Variables, string? BusinessKey);

    public sealed record CompleteTask(Dictionary<string, JsonNode?>? Variables, string? Comment);

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapPost("/cases", StartAsync);
        api.MapGet("/cases/{id:guid}", GetAsync);
        api.MapGet("/tasks", TasksAsync);
        api.MapPost("/tasks/{id:guid}/complete", CompleteAsync);
        return app;
    }

    private static async Task<Results<Created<InstanceView>, ProblemHttpResult>> StartAsync(
        StartCase request, HttpContext http, WorkflowEngine engine, UserManager<AppUser> users, AppDbContext db)
    {
        var viewer = await Viewer.OfAsync(http.User, users, db);
        if (!viewer.IsApplicant || viewer.OrganisationId is null)
        {
            return TypedResults.Problem(title: "只有申报单位可以发起申报", statusCode: StatusCodes.Status403Forbidden);
        }
        var instance = await engine.StartAsync(new StartRequest(request.DefinitionKey)
        {
            Variables = request.Variables?.ToDictionary(v => v.Key, v => (object?)v.Value),
            BusinessKey = request.BusinessKey, StartedBy = viewer.UserId, Owner = viewer.OrganisationId,
        });
        return TypedResults.Created($"/api/cases/{instance.Id}", instance);
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, WorkflowEngine engine, UserManager<AppUser> users, AppDbContext db)
    {
        var viewer = await Viewer.OfAsync(http.User, users, db);
        InstanceView instance;
        try
        {
            instance = await engine.GetInstanceAsync(id);
        }
        catch (WorkflowNotFoundException)
        {
            return NotFound();
        }
        return viewer.CanSee(instance.Owner) ? TypedResults.Ok(instance) : NotFound(); // the same answer as "no such case"
    }

    private static async Task<Ok<IReadOnlyList<UserTaskView>>> TasksAsync(
        HttpContext http, WorkflowEngine engine, UserManager<AppUser> users, AppDbContext db)
    {
        var viewer = await Viewer.OfAsync(http.User, users, db);
        var offered = await engine.QueryTasksAsync(new TaskQuery
        {
            CandidateUser = viewer.UserId, CandidateGroups = viewer.Roles, Owners = viewer.VisibleOwners,
        });
        var assigned = await engine.QueryTasksAsync(new TaskQuery { Assignee = viewer.UserId });
        return TypedResults.Ok<IReadOnlyList<UserTaskView>>(offered.Concat(assigned).DistinctBy(t => t.Id).ToList());
    }

    private static async Task<Results<Ok<StepOutcome>, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteTask request, HttpContext http, WorkflowEngine engine, UserManager<AppUser> users, AppDbContext db)
    {
        var viewer = await Viewer.OfAsync(http.User, users, db);
        UserTaskView task;
        try
        {
            task = await engine.GetTaskAsync(id);
        }
        catch (WorkflowNotFoundException)
        {
            return NotFound();
        }
        if (!viewer.CanAct(task)) return NotFound();
        var outcome = await engine.CompleteTaskAsync(id, viewer.UserId,
            request.Variables?.ToDictionary(v => v.Key, v => (object?)v.Value), request.Comment);
        return TypedResults.Ok(outcome);
    }

    /// <summary>The answer for a case or task that does not exist or may not be seen: the same, so nothing leaks.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "不存在或无权查看", statusCode: StatusCodes.Status404NotFound);
}
