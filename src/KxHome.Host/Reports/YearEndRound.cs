using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Reports;

/// <summary>
/// The year-end report as a case (R26): each district's case for the year, due on the setting's day (11月30日 by
/// default, the end of that day in Beijing), with the figures it keeps and, when the higher association passes it,
/// the tables as handed in, kept as the case's file.
/// </summary>
public sealed class YearEndRound(
    AppDbContext db, WorkflowEngine engine, PolicyBook policies, YearEndTables tables, CaseFiles files, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public const string Key = "year-end-report";
    public const string TablesSlot = "yearEndTables";

    public static string BusinessKey(string organisationId, int year) => $"year-end:{organisationId}:{year}";

    /// <summary>Starts the year's case of every district that has none; gives how many started. Opening twice starts nothing twice.</summary>
    public async Task<int> OpenAsync(int year, CancellationToken ct = default)
    {
        var districts = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.District).OrderBy(o => o.Id).ToListAsync(ct);
        var requests = new List<StartRequest>();
        foreach (var district in districts)
        {
            var key = BusinessKey(district.Id, year);
            if ((await engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = key, Take = 1 }, ct)).Count > 0) continue;
            var due = (await policies.ForAsync(await policies.RuleSetOfAsync(district.Id, ct), year, ct)).Date(PolicyKeys.YearEndReportDue);
            var variables = new Dictionary<string, object?>
            {
                ["year"] = year, ["areaId"] = district.Id, ["areaName"] = district.Name,
                ["dueAt"] = BusinessDates.EndOfDayUtc(due, options.Value.TimeZone),
            };
            if (await db.YearEndFigures.AsNoTracking().FirstOrDefaultAsync(f => f.OrganisationId == district.Id && f.Year == year, ct) is { } kept)
            {
                variables["localEnterprises"] = kept.LocalEnterprises;
                variables["scienceEnterprises"] = kept.ScienceEnterprises;
                variables["industrialZones"] = kept.IndustrialZones;
            }
            requests.Add(new StartRequest(Key) { BusinessKey = key, Owner = district.Id, Variables = variables });
        }
        return requests.Count == 0 ? 0 : (await engine.StartManyAsync(requests, ct)).Count;
    }

    /// <summary>
    /// Handed in: the tables as they stand now are kept as the case's file (once, however often the step runs), and
    /// the year's figures record when and by which case.
    /// </summary>
    public async Task SubmitAsync(Guid caseId, string areaId, int year, CancellationToken ct = default)
    {
        var area = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == areaId, ct)
            ?? throw new InvalidOperationException($"没有单位 “{areaId}”");
        if (!await db.Attachments.AnyAsync(a => a.InstanceId == caseId && a.Slot == TablesSlot, ct))
        {
            var workbook = XlsxWriter.Bytes(YearEndSheets.All(await tables.ReadAsync(area, year)));
            await files.KeepAsync(caseId, $"{year}年{area.Name}年终统计表.xlsx", XlsxWriter.ContentType, workbook, TablesSlot, "system");
        }
        var figures = await db.YearEndFigures.FirstOrDefaultAsync(f => f.OrganisationId == areaId && f.Year == year, ct);
        if (figures is null) db.YearEndFigures.Add(figures = new YearEndFigures { OrganisationId = areaId, Year = year });
        figures.SubmittedAt ??= clock.GetUtcNow().UtcDateTime;
        figures.SubmissionCaseId = caseId;
        await db.SaveChangesAsync(ct);
    }
}
