using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace KxHome.Host.Hosting;

/// <summary>
/// Static files: the bundles' brotli or gzip copies (made by the client build) to browsers that accept them, and
/// cache headers — a versioned link (<c>?v=</c>, from <c>asp-append-version</c>) is kept for a year, anything else
/// is checked again each time.
/// </summary>
public static class CompressedStaticFiles
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static WebApplication UseCompressedStaticFiles(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/octet-stream"; // replaced by the original file's type below
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value;
            if (path is not null && path.StartsWith("/dist/") && (path.EndsWith(".js") || path.EndsWith(".css")))
            {
                var accepted = http.Request.Headers.AcceptEncoding.ToString();
                foreach (var (encoding, suffix) in Encodings)
                {
                    if (!accepted.Contains(encoding) || !files.GetFileInfo(path + suffix).Exists) continue;
                    http.Request.Path = path + suffix;
                    http.Response.OnStarting(() =>
                    {
                        http.Response.Headers.ContentEncoding = encoding;
                        http.Response.ContentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
                        return Task.CompletedTask;
                    });
                    break;
                }
                http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            }
            await next();
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        return app;
    }
}
