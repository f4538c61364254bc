using Microsoft.AspNetCore.Http.Features;

namespace KxHome.Host.Hosting;

/// <summary>
/// A request that declares a body over the server's limit is refused with 413 before anything reads it. Kestrel would
/// refuse it too, but only when something reads the body, and a page's anti-forgery check reads it first and turns
/// the refusal into a 400 that says "the page may have expired".
/// </summary>
public static class OversizedRequests
{
    public static IApplicationBuilder RefuseOversizedRequests(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Not again when the status page is shown for the refusal (the same request, re-executed).
        if (http.Request.ContentLength > http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(http);
    });
}
