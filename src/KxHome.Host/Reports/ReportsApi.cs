using KxHome.Host.Cases;
using KxHome.Host.Identity;

namespace KxHome.Host.Reports;

/// <summary>
/// The year-end tables over HTTP (R26): read, download as <c>.xlsx</c> (all three tables) or one table as CSV, and
/// keep the figures only the district knows. An area one may not report on answers 404, like one that does not exist.
/// </summary>
public static class ReportsApi
{
    public sealed record Figures(int? LocalEnterprises, int? ScienceEnterprises, int? IndustrialZones);

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization().WithTags("报表");
        api.MapGet("/year-end", async Task<IResult> (string? area, int? year, ViewerAccessor viewers, YearEndTables tables) =>
        {
            if (BadYear(year) is { } bad) return bad;
            if (await tables.AreaAsync(await viewers.GetAsync(), area) is not { } found) return CasesApi.NotFound();
            var report = await tables.ReadAsync(found, year!.Value);
            return TypedResults.Ok(new
            {
                Area = found.Name, report.Year,
                Tables = YearEndSheets.All(report).Select(s => new { s.Name, Rows = s.Lines.Select(l => l.Cells) }),
                Counties = report.Footers,
            });
        });
        api.MapGet("/year-end.xlsx", async Task<IResult> (string? area, int? year, ViewerAccessor viewers, YearEndTables tables) =>
        {
            if (BadYear(year) is { } bad) return bad;
            if (await tables.AreaAsync(await viewers.GetAsync(), area) is not { } found) return CasesApi.NotFound();
            var report = await tables.ReadAsync(found, year!.Value);
            return Download(output => { XlsxWriter.Write(YearEndSheets.All(report), output); return Task.CompletedTask; },
                XlsxWriter.ContentType, $"{report.Year}年{found.Name}年终统计表.xlsx");
        });
        api.MapGet("/year-end/{table}.csv", async Task<IResult> (string table, string? area, int? year, ViewerAccessor viewers, YearEndTables tables) =>
        {
            if (BadYear(year) is { } bad) return bad;
            if (await tables.AreaAsync(await viewers.GetAsync(), area) is not { } found) return CasesApi.NotFound();
            if (YearEndSheets.One(await tables.ReadAsync(found, year!.Value), table) is not { } sheet)
            {
                return TypedResults.Problem(title: $"没有表 “{table}”：可选 1-1、1-2、1-3", statusCode: StatusCodes.Status404NotFound,
                    extensions: new Dictionary<string, object?> { ["field"] = "table" });
            }
            return Download(output => CsvWriter.WriteAsync(sheet, output), CsvWriter.ContentType, $"{year}年{found.Name}附件{table}.csv");
        });
        api.MapPut("/year-end/figures", async Task<IResult> (string? area, int? year, Figures figures, ViewerAccessor viewers, YearEndTables tables) =>
        {
            if (BadYear(year) is { } bad) return bad;
            var viewer = await viewers.GetAsync();
            if (await tables.AreaAsync(viewer, area) is not { } found || !YearEndTables.KeepsFigures(viewer, found)) return CasesApi.NotFound();
            var problems = await tables.SaveFiguresAsync(found, year!.Value, figures.LocalEnterprises, figures.ScienceEnterprises, figures.IndustrialZones, viewer.UserId);
            return problems.Count == 0 ? TypedResults.NoContent()
                : TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }), title: "填写有误", detail: string.Join("；", problems.Values));
        });
        return app;
    }

    /// <summary>A file written straight to the response.</summary>
    public static IResult Download(Func<Stream, Task> write, string contentType, string fileName) =>
        TypedResults.Stream(async output =>
        {
            // The Open XML SDK writes synchronously; a buffer keeps that off the response stream.
            using var buffer = new MemoryStream();
            await write(buffer);
            buffer.Position = 0;
            await buffer.CopyToAsync(output);
        }, contentType, fileName);

    private static IResult? BadYear(int? year) => year is >= 2000 and <= 2100 ? null
        : TypedResults.Problem(title: "请给出 2000 至 2100 之间的年度", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["field"] = "year" });
}
