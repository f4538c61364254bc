using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Administration;

/// <summary>
/// Flows and case repair over HTTP: everyone signed in lists the flows; deploying, reading a flow's XML, cancelling
/// a case, retrying an incident and sending a message to cases are for administrators.
/// </summary>
public static class DefinitionsApi
{
    public sealed record Deploy(string Xml);

    public sealed record Cancel(string Reason);

    public sealed record Correlate(string MessageName, string? BusinessKey, Guid? InstanceId, Dictionary<string, object?>? Variables, bool All);

    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/definitions", async (WorkflowEngine engine) => TypedResults.Ok(await engine.Queries.ListDefinitionsAsync()));
        var admin = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        admin.MapGet("/definitions/{id}/xml", async (string id, WorkflowEngine engine) =>
            TypedResults.Text(await engine.Queries.GetDefinitionXmlAsync(id), "application/xml"));
        admin.MapPost("/definitions", async (Deploy request, HttpContext http, WorkflowEngine engine) =>
            TypedResults.Ok(await engine.DeployAsync(request.Xml, UserId(http))));
        admin.MapPost("/cases/{id:guid}/cancel", async (Guid id, Cancel request, HttpContext http, Cases.ApprovalDesk desk) =>
        {
            await desk.CancelAsync(UserId(http), id, request.Reason ?? "");
            return TypedResults.NoContent();
        });
        admin.MapPost("/incidents/{id:guid}/retry", async (Guid id, HttpContext http, WorkflowEngine engine) =>
        {
            await engine.RetryIncidentAsync(id, UserId(http));
            return TypedResults.NoContent();
        });
        admin.MapPost("/messages", async (Correlate request, HttpContext http, WorkflowEngine engine) =>
            TypedResults.Ok(await engine.CorrelateMessageAsync(new MessageCorrelation(request.MessageName)
            {
                BusinessKey = request.BusinessKey, InstanceId = request.InstanceId, Variables = request.Variables, All = request.All,
                UserId = UserId(http),
            })));
        return app;
    }

    private static string UserId(HttpContext http) => AdministrationApi.UserId(http);
}
