using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace KxHome.Host.Hosting;

/// <summary>
/// A request the API cannot even read (JSON that is broken, mistyped, nested too deep or missing; a body over the size
/// limit) is a problem+json that says so in Chinese and names the field, never a 500 (the developer page's answer
/// before). The framework throws these in every environment (<c>ThrowOnBadRequest</c>, set in <see cref="Use"/>), so
/// Production and Development answer alike.
/// </summary>
public sealed class RequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public static void Use(IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RequestProblems>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        // Other refusals (413 over the size limit, …) get their words from ChineseProblems by status.
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode };
        if (bad.InnerException is JsonException { Path: var path })
        {
            var field = Field(path);
            details.Title = field is null ? "请求内容不是有效的 JSON" : $"请求内容不是有效的 JSON：字段 “{field}” 有误";
            if (field is not null) details.Extensions["field"] = field;
        }
        else if (http.Request.ContentLength is 0 or null && http.Request.Headers.TransferEncoding.Count == 0)
        {
            details.Title = "缺少请求内容";
        }
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    /// <summary>"$.variables.approved[0][0]" → "variables.approved" (the part a person filled in; null for the whole body).</summary>
    private static string? Field(string? path)
    {
        if (path is null || path.Length <= 2) return null;
        var name = path[2..];
        var index = name.IndexOf('[', StringComparison.Ordinal);
        return index switch { 0 => null, > 0 => name[..index], _ => name };
    }
}
