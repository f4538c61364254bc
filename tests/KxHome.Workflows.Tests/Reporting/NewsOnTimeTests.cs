using System.Net;
using KxHome.Host.Identity;
using KxHome.Host.Mail;
using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Reporting;

/// <summary>News on time (R25): the three days counted in Beijing, the tallies and the overdue list on the association's page, and 催办 by the district.</summary>
public sealed class NewsOnTimeTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void News_reported_on_day_3_is_on_time_and_on_day_4_late_R25()
    {
        var held = new ServiceEvent { HeldOn = new DateOnly(2026, 6, 1) };
        var day3 = InBeijing(2026, 6, 4, 23, 59);
        var day4 = InBeijing(2026, 6, 5, 0, 1);

        held.NewsStateAt(3, day3, Beijing).Should().Be(NewsState.Pending, "not reported, and day 3 is not over");
        held.NewsStateAt(3, day4, Beijing).Should().Be(NewsState.Missing, "day 3 is over and nothing was reported");
        held.NewsReportedAt = day3;
        held.NewsStateAt(3, day4, Beijing).Should().Be(NewsState.OnTime);
        held.NewsReportedAt = day4;
        held.NewsStateAt(3, day4, Beijing).Should().Be(NewsState.Late);

        static DateTime InBeijing(int y, int m, int d, int h, int min) =>
            TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, min, 0, DateTimeKind.Unspecified), Beijing);
    }

    [Fact]
    public async Task The_association_page_lists_overdue_news_and_the_district_urges_the_homes_people_R25()
    {
        await using var host = new TestHost(); // 2026-05-06 09:00 in Beijing
        using var drive = new HomeDriver(host);
        var home = await drive.SeedHomeAsync("嘉定工业区科技工作者之家", HomeKind.Park, organisation: "jd-industrial-park");
        var association = Guid.CreateVersion7();
        var overdue = Guid.CreateVersion7();
        await drive.WithAsync<AppDbContext, int>(db =>
        {
            db.Associations.Add(new ParkAssociation
            {
                Id = association, OrganisationId = "jd-industrial-park", Name = "嘉定工业区科学技术协会", Kind = AssociationKind.Park,
                Status = AssociationStatus.Active, FoundedOn = new DateOnly(2025, 1, 1), FoundingCaseId = Guid.CreateVersion7(),
            });
            db.ServiceEvents.AddRange(
                Event(home.Id, overdue, new DateOnly(2026, 4, 28), "供应链对接会", reported: null),
                Event(home.Id, Guid.CreateVersion7(), new DateOnly(2026, 5, 5), "技术沙龙（昨天）", reported: null),
                Event(home.Id, Guid.CreateVersion7(), new DateOnly(2026, 5, 1), "科普讲座", reported: new DateTime(2026, 5, 3, 2, 0, 0, DateTimeKind.Utc)),
                Event(home.Id, Guid.CreateVersion7(), new DateOnly(2026, 4, 10), "专利培训", reported: new DateTime(2026, 4, 20, 2, 0, 0, DateTimeKind.Utc)));
            return db.SaveChangesAsync();
        });
        var district = await PageClient.SignInAsync(host.Factory, "district");
        var page = $"/associations/{association}";

        var (status, html) = await district.GetAsync(page);
        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("活动新闻报送（R25）").And.Contain("逾期未报（1 项）").And.Contain("供应链对接会").And.Contain("2026-05-01",
            "the overdue one was due three days after 4月28日");
        html.Should().Contain("2 项：按时 1，逾期报送 0，逾期未报 0，待报送 1", "May: the lecture on time, yesterday's salon still within its days");
        html.Should().Contain("4 项：按时 1，逾期报送 1，逾期未报 1，待报送 1", "the year so far");

        var applicant = await PageClient.SignInAsync(host.Factory, "applicant");
        var refused = await applicant.PostFormAsync($"/homes/{home.Id}", $"/homes/{home.Id}/UrgeNews", new() { ["eventId"] = overdue.ToString(), ["returnUrl"] = page });
        refused.Headers.Location!.ToString().Should().Be(page);
        (await applicant.GetAsync(page)).Html.Should().Contain("只有之家的上级科协可以催办");
        (await MailSubjectsAsync(host, drive, "applicant")).Should().BeEmpty("the home's own people cannot urge themselves");

        (await district.PostFormAsync(page, $"/homes/{home.Id}/UrgeNews", new() { ["eventId"] = overdue.ToString(), ["returnUrl"] = page }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await district.GetAsync(page)).Html.Should().Contain("已催办，邮件已发给之家的填报人员").And.Contain("已于 2026-05-06");
        (await MailSubjectsAsync(host, drive, "applicant")).Should().Equal("催办：请报送活动新闻（嘉定工业区科技工作者之家）");

        // The association's lists download as .xlsx, read back here by MiniExcel.
        var overdueList = await Sheet(district, $"{page}/export?list=news");
        overdueList.Should().HaveCount(2);
        (overdueList[1]["A"], overdueList[1]["B"], overdueList[1]["D"]).Should().Be(("嘉定工业区科技工作者之家", "供应链对接会", "2026-05-01"));
        overdueList[1]["E"]!.ToString().Should().StartWith("2026-05-06", "urged today");
        (await Sheet(district, "/associations?handler=Export&list=associations")).Select(r => r["A"]).Should().Contain("嘉定工业区科学技术协会");

        var baoshan = await PageClient.SignInAsync(host.Factory, "district2");
        (await baoshan.GetAsync(page)).Status.Should().Be(HttpStatusCode.NotFound, "Baoshan does not see Jiading's association");
    }

    private static async Task<List<IDictionary<string, object?>>> Sheet(PageClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return MiniExcelLibs.MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync())).Cast<IDictionary<string, object?>>().ToList();
    }

    private static async Task<IReadOnlyList<string>> MailSubjectsAsync(TestHost host, HomeDriver drive, string login)
    {
        await host.Factory.Services.GetRequiredService<NoticeDispatcher>().DispatchOnceAsync();
        var me = await drive.MeAsync(login);
        return await drive.ReadAsync(db => db.SentMails.Where(m => m.Recipient == me).Select(m => m.Subject).ToListAsync());
    }

    private static ServiceEvent Event(Guid homeId, Guid id, DateOnly heldOn, string title, DateTime? reported) => new()
    {
        Id = id, HomeId = homeId, HeldOn = heldOn, Category = ServiceEventCategory.TechSalon, Title = title, Participants = 20, NewsReportedAt = reported,
        RecordedAt = reported ?? new DateTime(2026, 5, 6, 1, 0, 0, DateTimeKind.Utc),
    };
}
