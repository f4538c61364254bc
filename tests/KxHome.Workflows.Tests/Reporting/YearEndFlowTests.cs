using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Host.Mail;
using KxHome.Host.Reports;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KxHome.Workflows.Tests.Reporting;

/// <summary>
/// The year-end report as a case (R26): opened for each district, due on 11月30日 with reminders, checked by the city
/// (sent back once), and on passing the tables as handed in kept as the case's file.
/// </summary>
public sealed class YearEndFlowTests
{
    [Fact]
    public async Task The_district_hands_in_its_tables_by_november_30_through_the_city_R26()
    {
        await using var host = new TestHost(); // 2026-05-06 in Beijing
        using var drive = new HomeDriver(host);
        await YearEndRecords.SeedAsync(drive);
        var opened = await drive.WithAsync<YearEndRound, int>(round => round.OpenAsync(YearEndRecords.Year));
        opened.Should().BeGreaterThanOrEqualTo(2, "Jiading and Baoshan each get their case");
        (await drive.WithAsync<YearEndRound, int>(round => round.OpenAsync(YearEndRecords.Year))).Should().Be(0, "opening twice starts nothing twice");
        var caseId = (await drive.Engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = YearEndRound.BusinessKey("jd", YearEndRecords.Year) })).Single().Id;

        var prepare = (await drive.WaitAtAsync(caseId, "prepare")).Single();
        prepare.DueAt.Should().Be(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), "the end of 11月30日 in Beijing");
        (await TryCompleteAsync(drive, prepare.Id, "district2", Figures(1000, 300))).StatusCode.Should().Be(HttpStatusCode.NotFound, "Baoshan cannot do Jiading's");
        var refused = await TryCompleteAsync(drive, prepare.Id, "district", Figures(100, 300));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("scienceEnterprises").And.Contain("科技企业数量不能多于属地企业数量");

        // Reminders as the deadline comes near: seven days before, the district's staff are told.
        ((VirtualClock)host.Factory.Services.GetRequiredService<TimeProvider>()).Advance(new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc) - drive.Time.Now.UtcDateTime);
        await host.Factory.Services.GetRequiredService<DeadlineWatch>().ScanOnceAsync();
        await host.Factory.Services.GetRequiredService<NoticeDispatcher>().DispatchOnceAsync();
        var district = await drive.MeAsync("district");
        (await drive.ReadAsync(db => db.SentMails.Where(m => m.Recipient == district).Select(m => m.Subject).ToListAsync()))
            .Should().Contain(s => s.StartsWith("办理期限提醒") && s.Contains("核对统计表并填写数量"));

        await drive.CompleteAsync(caseId, "prepare", "district", Figures(1300, 320));
        await drive.CompleteAsync(caseId, "check", "city", new JsonObject { ["approved"] = false, ["opinion"] = "科技企业数量请与统计局口径核对" });
        await drive.CompleteAsync(caseId, "prepare", "district", Figures(1300, 330));
        await drive.CompleteAsync(caseId, "check", "city", new JsonObject { ["approved"] = true, ["opinion"] = "同意报送" });
        await JobRuns.UntilAsync(drive.Engine, async () => (await drive.Engine.Queries.GetInstanceAsync(caseId)).Status == InstanceStatus.Completed);

        var kept = await drive.ReadAsync(db => db.YearEndFigures.SingleAsync(f => f.OrganisationId == "jd" && f.Year == YearEndRecords.Year));
        (kept.ScienceEnterprises, kept.SubmissionCaseId).Should().Be((330, caseId));
        kept.SubmittedAt.Should().NotBeNull();
        var file = await drive.ReadAsync(db => db.Attachments.SingleAsync(a => a.InstanceId == caseId));
        file.FileName.Should().Be("2026年嘉定区科协年终统计表.xlsx");
        var page = await PageClient.SignInAsync(host.Factory, "district");
        var download = await page.Http.GetAsync($"/cases/{caseId}/file?fileId={file.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        var workbook = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        var footer = MiniExcel.Query(workbook, sheetName: "附件1-1").Cast<IDictionary<string, object?>>().Last();
        Convert.ToInt32(footer["H"]).Should().Be(330, "the tables kept are those handed in, with the figures the city passed");

        (await page.GetAsync($"/reports/year-end?area=jd&year={YearEndRecords.Year}")).Html.Should().Contain("已报送（2026-11-24");
    }

    private static JsonObject Figures(int local, int science) => new()
    {
        ["localEnterprises"] = local, ["scienceEnterprises"] = science, ["industrialZones"] = 6, ["tablesChecked"] = true,
    };

    private static async Task<HttpResponseMessage> TryCompleteAsync(HomeDriver drive, Guid taskId, string login, JsonObject data) =>
        await (await drive.AsAsync(login)).PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = data });
}
