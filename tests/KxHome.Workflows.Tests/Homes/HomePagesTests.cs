using System.Net;
using System.Text.RegularExpressions;
using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static KxHome.Workflows.Tests.Support.HomePages;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>The homes' pages as people use them: the real host, real SQLite, signed in through the login page.</summary>
public sealed partial class HomePagesTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;

    public HomePagesTests() => _drive = new HomeDriver(_host);

    private DateOnly Today => BusinessDates.Today(_drive.Time.Now.UtcDateTime, HomeDriver.Beijing);

    [Fact]
    public async Task An_event_added_on_the_home_page_counts_in_the_rule_table_with_its_photo_R3()
    {
        var home = await _drive.CertifyAsync();
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var url = $"/homes/{home.Id}";
        var (_, before) = await applicant.GetAsync(url);
        Figure(before, "创新类活动").Should().Be("0/4");
        before.Should().Contain("配套经费应不低于 80,000.00 元，已报告 0.00 元，尚差 80,000.00 元（R18）");

        var page = await PostMultipartAsync(applicant, url, $"{url}/addEvent", EventFields("新能源电池技术沙龙", Today, "TechSalon", news: true),
            ("沙龙现场.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]));

        page.Should().Contain("活动 “新能源电池技术沙龙” 已记入服务台账，照片 1 张");
        Figure(page, "创新类活动").Should().Be("1/4");
        Figure(page, "全年活动").Should().Be("1/6");
        page.Should().Contain("新能源电池技术沙龙").And.Contain("已报送");
        var photo = PhotoLink().Match(page);
        photo.Success.Should().BeTrue("the event lists its photo");
        var download = await applicant.Http.GetAsync(WebUtility.HtmlDecode(photo.Groups[1].Value));
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3);
        var outsider = await PageClient.SignInAsync(_host.Factory, "applicant2");
        (await outsider.Http.GetAsync(WebUtility.HtmlDecode(photo.Groups[1].Value))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_event_without_a_title_and_in_the_future_is_refused_in_Chinese_and_nothing_is_saved()
    {
        var home = await _drive.CertifyAsync();
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var url = $"/homes/{home.Id}";
        var fields = EventFields("", Today.AddDays(2), "PartyBuilding", news: false);
        fields["Event.Participants"] = "27";

        var response = await applicant.PostFormAsync(url, $"{url}/addEvent", fields);
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a refusal shows the page again");
        page.Should().Contain("活动未保存").And.Contain("请填写活动名称").And.Contain("活动日期不能晚于今天");
        page.Should().Contain("value=\"27\"", "what was typed stays").And.Contain($"value=\"{Today.AddDays(2):yyyy-MM-dd}\"");
        page.Should().MatchRegex("<option value=\"PartyBuilding\" selected");
        (await _drive.ReadAsync(db => db.ServiceEvents.CountAsync(e => e.HomeId == home.Id))).Should().Be(0);
        Figure(page, "全年活动").Should().Be("0/6");
    }

    [Fact]
    public async Task Another_district_and_its_applicant_see_nothing_and_every_handler_answers_404()
    {
        var home = await _drive.CertifyAsync();
        var url = $"/homes/{home.Id}";
        string[] handlers = ["addEvent", "reportNews", "addDemand", "respond", "submitReport", "pair"];
        var fields = new Dictionary<string, string>
        {
            ["Event.Title"] = "越权活动", ["Event.HeldOn"] = $"{Today:yyyy-MM-dd}", ["Event.Category"] = "TechSalon", ["Event.Participants"] = "5",
            ["eventId"] = Guid.NewGuid().ToString(), ["Demand.Topic"] = "越权需求", ["Demand.RaisedBy"] = "某人", ["Report.Month"] = "4",
            ["Report.Summary"] = "越权报送", ["pairedId"] = home.Id.ToString(),
        };

        foreach (var login in new[] { "applicant2", "district2" })
        {
            var other = await PageClient.SignInAsync(_host.Factory, login);
            (await other.GetAsync(url)).Status.Should().Be(HttpStatusCode.NotFound, login);
            (await other.GetAsync("/homes")).Html.Should().NotContain(home.Name, login);
            foreach (var handler in handlers)
            {
                (await other.PostFormAsync("/homes", $"{url}/{handler}", fields)).StatusCode.Should().Be(HttpStatusCode.NotFound, $"{login} {handler}");
            }
        }
        var district = await PageClient.SignInAsync(_host.Factory, "district");
        (await district.GetAsync(url)).Status.Should().Be(HttpStatusCode.OK, "the district reads its homes");
        (await district.PostFormAsync(url, $"{url}/addEvent", fields)).StatusCode.Should().Be(HttpStatusCode.NotFound, "reading a home is not keeping its ledgers");
        (await _drive.ReadAsync(db => db.ServiceEvents.CountAsync() )).Should().Be(0);
        (await _drive.ReadAsync(db => db.Demands.CountAsync())).Should().Be(0);
        (await _drive.ReadAsync(db => db.MonthlyReports.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task The_district_sees_the_home_with_its_missed_rules_and_missing_monthly_reports_R3_R8()
    {
        var home = await _drive.CertifyAsync();
        var designated = home.DesignatedOn!.Value;
        await _drive.Time.AdvanceToAsync(BusinessDates.EndOfDayUtc(new DateOnly(designated.Year, designated.Month, 1).AddMonths(2).AddDays(14), HomeDriver.Beijing));
        var first = designated.Month;
        var district = await PageClient.SignInAsync(_host.Factory, "district");

        var (_, list) = await district.GetAsync("/homes");

        list.Should().Contain("辖区之家").And.Contain(home.Name).And.Contain("嘉科家〔2026〕第001号");
        list.Should().Contain("R3 创新类活动 0/4 ✗").And.Contain("R8 月度服务动态报送 0/2 ✗");
        list.Should().Contain($"月报未报：{first}月、{first + 1}月");

        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var url = $"/homes/{home.Id}";
        var done = await applicant.SubmitAsync(url, $"{url}/submitReport", new() { ["Report.Month"] = $"{first}", ["Report.Summary"] = "本月开展技术沙龙一场、供需对接一场。" });
        done.Should().Contain($"2026年{first}月的服务动态已报送");
        Regex.IsMatch(done, $"<strong>{first}月</strong> <span>已报送").Should().BeTrue();
        Regex.IsMatch(done, $"<strong>{first + 1}月</strong> <span>逾期未报").Should().BeTrue();
        (await district.GetAsync("/homes")).Html.Should().Contain($"月报未报：{first + 1}月").And.NotContain($"月报未报：{first}月、");
        var twice = await applicant.SubmitAsync(url, $"{url}/submitReport", new() { ["Report.Month"] = $"{first}", ["Report.Summary"] = "重复报送" });
        twice.Should().Contain($"2026年{first}月的服务动态已经报送").And.Contain("重复报送", "what was typed stays");
    }

    [Fact]
    public async Task News_not_reported_within_three_days_is_flagged_and_reporting_it_later_marks_it_late_R25()
    {
        var home = await _drive.CertifyAsync();
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var url = $"/homes/{home.Id}";
        await applicant.SubmitAsync(url, $"{url}/addEvent", EventFields("党建主题日", Today.AddDays(-5), "PartyBuilding", news: false));

        var district = await PageClient.SignInAsync(_host.Factory, "district");
        (await district.GetAsync("/homes")).Html.Should().Contain("新闻逾期 1 条");
        var (_, page) = await applicant.GetAsync(url);
        page.Should().Contain("未报送（已逾期）").And.Contain("R25");
        var eventId = Regex.Match(page, "name=\"eventId\" value=\"([^\"]+)\"").Groups[1].Value;

        var reported = await applicant.SubmitAsync(url, $"{url}/reportNews", new() { ["eventId"] = eventId });

        reported.Should().Contain("的新闻已报送").And.Contain("逾期报送").And.NotContain("未报送（已逾期）");
        Figure(reported, "活动新闻按时报送").Should().Be("0/1");
    }

    [Fact]
    public async Task Demands_are_recorded_and_answered_on_the_page_and_the_response_rate_follows_R4()
    {
        var home = await _drive.CertifyAsync();
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var url = $"/homes/{home.Id}";
        var added = await applicant.SubmitAsync(url, $"{url}/addDemand",
            new() { ["Demand.RaisedOn"] = $"{Today:yyyy-MM-dd}", ["Demand.Topic"] = "希望对接高校检测设备", ["Demand.RaisedBy"] = "研发部 张工" });
        added.Should().Contain("希望对接高校检测设备").And.Contain("响应率 <strong>0%</strong>");
        Figure(added, "需求响应率").Should().Be("0%/90%");
        var demandId = Regex.Match(added, "name=\"Reply.DemandId\" value=\"([^\"]+)\"").Groups[1].Value;

        var refused = await applicant.SubmitAsync(url, $"{url}/respond", new() { ["Reply.DemandId"] = demandId, ["Reply.RespondedOn"] = $"{Today:yyyy-MM-dd}", ["Reply.Outcome"] = "" });
        refused.Should().Contain("请填写响应结果");
        var answered = await applicant.SubmitAsync(url, $"{url}/respond",
            new() { ["Reply.DemandId"] = demandId, ["Reply.RespondedOn"] = $"{Today:yyyy-MM-dd}", ["Reply.Outcome"] = "已联系同济大学检测中心" });

        answered.Should().Contain("已记录响应").And.Contain("已联系同济大学检测中心").And.Contain("响应率 <strong>100%</strong>");
        Figure(answered, "需求响应率").Should().Be("100%/90%");
        var noDate = await applicant.SubmitAsync(url, $"{url}/addDemand", new() { ["Demand.RaisedOn"] = "明天", ["Demand.Topic"] = "x", ["Demand.RaisedBy"] = "y" });
        noDate.Should().Contain("日期格式不正确").And.Contain("value=\"明天\"");
    }

    [Fact]
    public async Task A_street_home_pairs_on_its_page_and_its_joint_activity_counts_R7()
    {
        var park = await _drive.CertifyAsync();
        using var again = new HomeDriver(_host); // the first run's API sign-ins expired while its public notice ran
        var street = await again.CertifyAsync(HomeDriver.Application("菊园新区科技工作者之家", "Street"));
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var url = $"/homes/{street.Id}";
        var alone = await applicant.SubmitAsync(url, $"{url}/addEvent", EventFields("联合科普", Today, "JointActivity", news: true));
        alone.Should().Contain("请选择与本之家结对的企业或园区之家（R7）");

        var paired = await applicant.SubmitAsync(url, $"{url}/pair", new() { ["pairedId"] = park.Id.ToString() });
        paired.Should().Contain($"已与 “{park.Name}” 结对");
        var fields = EventFields("联合科普", Today, "JointActivity", news: true);
        fields["Event.PairedHomeId"] = park.Id.ToString();
        var page = await applicant.SubmitAsync(url, $"{url}/addEvent", fields);

        page.Should().Contain($"与 {park.Name} 联合");
        Figure(page, "结对联合活动").Should().Be("1/2");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
