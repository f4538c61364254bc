using Microsoft.AspNetCore.Http.Features;

namespace KxHome.Host.Hosting;

/// <summary>
/// A request over the server's limits is refused with 413 before anything else reads it. Kestrel would refuse a body
/// over its limit too, but only when something reads the body; and a page's anti-forgery check reads the form first
/// and turns any failure to read it (a body over the limit, a field over the form limits) into a 400 that says "the
/// page may have expired".
/// </summary>
public static class OversizedRequests
{
    public static IApplicationBuilder RefuseOversizedRequests(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Not again when the status page is shown for the refusal (the same request, re-executed).
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && (http.Request.ContentLength > http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
                || await PageFormTooLargeAsync(http)))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(http);
    });

    /// <summary>A page's form that cannot be read within the form limits (the API answers such forms itself).</summary>
    private static async Task<bool> PageFormTooLargeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api") || !http.Request.HasFormContentType) return false;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
