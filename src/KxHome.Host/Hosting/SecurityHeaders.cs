namespace KxHome.Host.Hosting;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy that lets only this site's own scripts run, no MIME
/// sniffing, no framing by other sites, and a referrer policy that keeps the signed token of an email link out of any
/// Referer. Styles may be inline because bpmn-js and form-js set style attributes and add style sheets as they draw.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>Pages reached through a signed link in a mail: the link's token must not travel on in a Referer.</summary>
    private static readonly PathString EmailLinks = "/mail";

    /// <summary>The API's documentation page (Swagger UI, not ours): it keeps its own page as it is, without the policy.</summary>
    private static readonly PathString ApiDocs = "/api/docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        if (!http.Request.Path.StartsWithSegments(ApiDocs)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = http.Request.Path.StartsWithSegments(EmailLinks) ? "no-referrer" : "same-origin";
        return next(http);
    });
}
