using System.Security.Claims;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Administration;

/// <summary>
/// Deadlines, the working-day calendar and the clock over HTTP. Reading a case's deadlines follows the case's
/// visibility; changing a deadline, entering a calendar year and moving the (virtual) clock are for administrators.
/// </summary>
public static class AdministrationApi
{
    public sealed record ChangeDeadline(string Reason, DateTime? DueAt);

    public sealed record AdvanceClock(string By);

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/cases/{id:guid}/deadlines", DeadlinesAsync);
        var admin = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        admin.MapGet("/deadlines", async (DateTime? dueBefore, string? definitionKey, int? page, int? size, WorkflowEngine engine) =>
        {
            var paging = Paging.Of(page, size);
            var rows = await engine.Queries.QueryTimersAsync(new TimerQuery
            {
                DueBefore = dueBefore?.ToUniversalTime(), DefinitionKey = definitionKey, Skip = paging.Skip, Take = paging.Size + 1,
            });
            return TypedResults.Ok(Paged<TimerView>.From(rows, paging));
        });
        admin.MapPost("/deadlines/{id:guid}/extend", (Guid id, ChangeDeadline change, HttpContext http, WorkflowEngine engine) =>
            change.DueAt is { } dueAt
                ? ChangeAsync(() => engine.ExtendTimerAsync(id, DateTime.SpecifyKind(dueAt.ToUniversalTime(), DateTimeKind.Utc), UserId(http), change.Reason))
                : Task.FromResult<IResult>(TypedResults.Problem(title: "请填写新的期限 dueAt", statusCode: StatusCodes.Status400BadRequest)));
        admin.MapPost("/deadlines/{id:guid}/due-now", (Guid id, ChangeDeadline change, HttpContext http, WorkflowEngine engine) =>
            ChangeAsync(() => engine.DueNowAsync(id, UserId(http), change.Reason)));
        admin.MapPost("/deadlines/{id:guid}/pause", (Guid id, ChangeDeadline change, HttpContext http, WorkflowEngine engine) =>
            ChangeAsync(() => engine.PauseTimerAsync(id, UserId(http), change.Reason)));
        admin.MapPost("/deadlines/{id:guid}/resume", (Guid id, ChangeDeadline change, HttpContext http, WorkflowEngine engine) =>
            ChangeAsync(() => engine.ResumeTimerAsync(id, UserId(http), change.Reason)));
        api.MapGet("/calendar", Calendar);
        admin.MapPut("/calendar/{year:int}", (int year, CalendarYear data, WorkCalendar calendar) =>
        {
            if (data.Year != year) return Results.Problem(title: $"年份不一致：地址为 {year}，内容为 {data.Year}", statusCode: StatusCodes.Status400BadRequest);
            calendar.SaveYear(data);
            return Results.NoContent();
        });
        api.MapGet("/clock", (VirtualTime time) => TypedResults.Ok(new { now = time.Now, isVirtual = time.IsVirtual }));
        admin.MapPost("/clock/advance", async (AdvanceClock request, VirtualTime time, IOptions<WorkflowOptions> options) =>
        {
            var fired = await time.AdvanceAsync(request.By, options.Value.TimeZone);
            return TypedResults.Ok(new { now = time.Now, firedTimers = fired });
        });
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<TimerView>>, ProblemHttpResult>> DeadlinesAsync(
        Guid id, ViewerAccessor viewers, WorkflowEngine engine)
    {
        var viewer = await viewers.GetAsync();
        try
        {
            if (!viewer.CanSee((await engine.Queries.GetInstanceAsync(id)).Owner)) return CasesApi.NotFound();
        }
        catch (WorkflowNotFoundException)
        {
            return CasesApi.NotFound();
        }
        return TypedResults.Ok(await engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = id }));
    }

    /// <summary>The years with their notices, and a warning for this year or next when its arrangement is not entered.</summary>
    private static IResult Calendar(WorkCalendar calendar, TimeProvider clock, IOptions<WorkflowOptions> options)
    {
        var missing = CalendarStatus.MissingYears(calendar, clock, options.Value.TimeZone);
        return TypedResults.Ok(new
        {
            years = calendar.Years.Select(y => new { y.Year, y.Notice }),
            missingYears = missing,
            warnings = missing.Select(CalendarStatus.Warning).ToList(),
        });
    }

    private static async Task<IResult> ChangeAsync(Func<Task> change)
    {
        await change(); // refusals become problem+json (WorkflowProblems)
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in person's id, as the engine's history records it.</summary>
    public static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
