using KxHome.Host.Administration;
using KxHome.Host.Forms;
using KxHome.Host.Hosting;
using KxHome.Host.Identity;
using Microsoft.EntityFrameworkCore;
using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Studio;

/// <summary>
/// The studio's server side, for administrators only: the flows with their versions and running cases, the palette
/// of 科协 tasks (<c>workflows/templates/*.json</c>), the forms (listed, and saved from the form editor), keeping drafts, checking a
/// drawing with the engine's own parser (problems carry the element id, so the editor marks the element), publishing
/// a new version, and moving a case to another version (a dry run first).
/// </summary>
public static class StudioApi
{
    /// <summary>A drawing to check or publish; publishing keeps the note with the new version.</summary>
    public sealed record Drawing(string Xml, string? Note = null);

    public sealed record Migration(string To);

    public sealed record Version(string Id, int Number, DateTime DeployedAt, string? DeployedBy, string? Note, int RunningCases);

    public sealed record Flow(string Key, string? Name, IReadOnlyList<Version> Versions);

    public sealed record Check(bool IsValid, IReadOnlyList<BpmnProblem> Problems);

    public static IEndpointRouteBuilder MapStudio(this IEndpointRouteBuilder app)
    {
        var studio = app.MapGroup("/api/studio").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator)).WithTags("流程设计");
        studio.MapGet("/flows", async (WorkflowEngine engine) => TypedResults.Ok(await FlowsAsync(engine)));
        studio.MapGet("/templates", (ContentLayout layout) => Results.Text(Templates(layout), "application/json"));
        studio.MapPost("/check", (Drawing drawing, BpmnParser parser) =>
        {
            var result = parser.Parse(drawing.Xml);
            return TypedResults.Ok(new Check(result.IsValid, result.Problems));
        });
        studio.MapGet("/forms", (FormCatalog forms) => TypedResults.Ok(forms.All.Select(f => f.Id)));
        studio.MapPut("/forms", async (HttpRequest request, FormCatalog forms) =>
        {
            using var reader = new StreamReader(request.Body);
            try
            {
                return Results.Ok(new { id = forms.Save(await reader.ReadToEndAsync()).Id });
            }
            catch (FormatException e)
            {
                return Results.Problem(title: e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        studio.MapGet("/cases/{id:guid}/migration", async (Guid id, string to, WorkflowEngine engine) =>
            TypedResults.Ok(await engine.PlanMigrationAsync(id, to)));
        studio.MapPost("/cases/{id:guid}/migration", async (Guid id, Migration request, HttpContext http, WorkflowEngine engine) =>
            TypedResults.Ok(await engine.MigrateAsync(id, request.To, AdministrationApi.UserId(http)))); // blocked: 400 with code migration-blocked
        studio.MapPut("/drafts", SaveDraftAsync);
        studio.MapPost("/publish", async (Drawing drawing, HttpContext http, WorkflowEngine engine, AppDbContext db) =>
        {
            var result = await engine.DeployAsync(drawing.Xml, AdministrationApi.UserId(http), keepPublished: false, drawing.Note); // refusals: 422 with the problems
            var keys = result.Definitions.Select(d => d.Definition.Key).ToList();
            await db.FlowDrafts.Where(d => keys.Contains(d.Key)).ExecuteDeleteAsync(); // published: the draft is done
            return TypedResults.Ok(result);
        });
        return app;
    }

    /// <summary>
    /// 保存草稿: keeps the drawing of its flow (the first process's id) whether or not it is valid yet, and answers the
    /// parser's check so the editor marks the problems.
    /// </summary>
    private static async Task<IResult> SaveDraftAsync(Drawing drawing, HttpContext http, BpmnParser parser, AppDbContext db, TimeProvider clock)
    {
        var result = parser.Parse(drawing.Xml);
        var key = result.Processes.FirstOrDefault()?.Key ?? ProcessId(drawing.Xml);
        if (key is null)
        {
            return Results.Problem(title: "无法保存草稿：找不到流程（bpmn:process）的 id", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
        }
        var draft = await db.FlowDrafts.FindAsync(key) ?? db.FlowDrafts.Add(new FlowDraft { Key = key }).Entity;
        (draft.Xml, draft.SavedBy, draft.SavedAt) = (drawing.Xml, AdministrationApi.UserId(http), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return Results.Ok(new { key, check = new Check(result.IsValid, result.Problems) });
    }

    /// <summary>The first process id in XML the parser refused (a draft may be unfinished), or null.</summary>
    private static string? ProcessId(string xml) =>
        System.Text.RegularExpressions.Regex.Match(xml, "<(?:\\w+:)?process\\b[^>]*\\bid=\"([^\"]+)\"") is { Success: true } match ? match.Groups[1].Value : null;

    public static async Task<IReadOnlyList<Flow>> FlowsAsync(WorkflowEngine engine)
    {
        var running = await engine.Queries.RunningCasesByVersionAsync();
        return (await engine.Queries.ListDefinitionsAsync()).GroupBy(d => d.Key)
            .Select(g => new Flow(g.Key, g.First().Name, g.Select(d => new Version(d.Id, d.Version, d.DeployedAt, d.DeployedBy, d.Note, running.GetValueOrDefault(d.Id))).ToList()))
            .ToList();
    }

    /// <summary>The element templates as one JSON array.</summary>
    public static string Templates(ContentLayout layout)
    {
        var folder = Path.Combine(layout.WorkflowsFolder, "templates");
        var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order().Select(File.ReadAllText) : [];
        return "[" + string.Join(",", files) + "]";
    }
}
