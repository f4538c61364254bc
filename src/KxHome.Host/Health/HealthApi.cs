using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KxHome.Host.Health;

/// <summary><c>/health</c>: whether the host and its database answer.</summary>
public static class HealthApi
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(WorkflowDatabase database, CancellationToken ct)
    {
        var healthy = await database.IsHealthyAsync(ct);
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", healthy ? "ok" : "unreachable");
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The health answer.</summary>
    public sealed record HealthReport(string Status, string Database);
}
