using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>The homes' API: ledgers kept by the home's own applicants and checked field by field; other organisations see nothing.</summary>
public sealed class HomesApiTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;

    public HomesApiTests() => _drive = new HomeDriver(_host);

    private async Task<JsonArray> RulesAsync(Guid homeId) =>
        (await (await _drive.AsAsync("applicant")).GetFromJsonAsync<JsonObject>($"/api/homes/{homeId}"))!["rules"]!.AsArray();

    [Fact]
    public async Task An_event_added_by_the_home_counts_at_once_toward_its_rule_R3()
    {
        var home = await _drive.SeedHomeAsync("嘉定工业区科技工作者之家");
        var applicant = await _drive.AsAsync("applicant");
        (await RulesAsync(home.Id)).Select(r => r!["text"]!.GetValue<string>()).Should().Contain("R3 创新类活动 0/4 ✗");

        var added = await applicant.PostAsJsonAsync($"/api/homes/{home.Id}/events", new
        {
            heldOn = "2026-04-20", category = "TechSalon", title = "智能传感技术沙龙", participants = 32, enterprisesServed = 5, newsReported = true,
        });

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        (await RulesAsync(home.Id)).Select(r => r!["text"]!.GetValue<string>()).Should().Contain("R3 创新类活动 1/4 ✗");
    }

    [Fact]
    public async Task A_bad_event_is_refused_field_by_field_in_Chinese_and_nothing_is_saved()
    {
        var home = await _drive.SeedHomeAsync("嘉定工业区科技工作者之家");
        var applicant = await _drive.AsAsync("applicant");

        var refused = await applicant.PostAsJsonAsync($"/api/homes/{home.Id}/events", new { heldOn = "2026-06-01", category = "JointActivity", participants = 0 });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors["heldOn"]![0]!.GetValue<string>().Should().Be("活动日期不能晚于今天：台账记录已开展的活动");
        errors["title"]![0]!.GetValue<string>().Should().Be("请填写活动名称");
        errors["participants"]![0]!.GetValue<string>().Should().Be("参与人次须为 1 至 100000 的整数");
        errors["category"]![0]!.GetValue<string>().Should().Be("结对联合活动由街镇之家记录（R7）");
        (await _drive.ReadAsync(db => db.ServiceEvents.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_month_is_reported_once_and_a_missing_month_shows_against_R8()
    {
        var home = await _drive.SeedHomeAsync("嘉定工业区科技工作者之家");
        var applicant = await _drive.AsAsync("applicant");

        (await applicant.PostAsJsonAsync($"/api/homes/{home.Id}/monthly-reports", new { year = 2026, month = 3, summary = "三月开展技术沙龙两场" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await applicant.PostAsJsonAsync($"/api/homes/{home.Id}/monthly-reports", new { year = 2026, month = 3, summary = "重复报送" });

        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["month"]![0]!.GetValue<string>().Should().Be("2026年3月的服务动态已经报送");
        var list = (await applicant.GetFromJsonAsync<JsonObject>("/api/homes"))!["items"]!.AsArray().Single()!;
        list["missingReportMonths"]!.AsArray().Select(m => m!.GetValue<int>()).Should().Equal([1, 2], "as of May 6, the reports of January to March were due (by the 10th of the month after)");
        (await RulesAsync(home.Id)).Select(r => r!["text"]!.GetValue<string>()).Should().Contain("R8 月度服务动态报送 1/3 ✗");
    }

    [Fact]
    public async Task Answering_a_request_raises_the_response_rate_R4()
    {
        var home = await _drive.SeedHomeAsync("嘉定工业区科技工作者之家");
        var applicant = await _drive.AsAsync("applicant");
        var raised = await applicant.PostAsJsonAsync($"/api/homes/{home.Id}/demands", new { raisedOn = "2026-04-01", topic = "职称评审辅导", raisedBy = "研发部" });
        var demandId = (await raised.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await RulesAsync(home.Id)).Select(r => r!["text"]!.GetValue<string>()).Should().Contain("R4 需求响应率 0%/90% ✗");

        var answered = await applicant.PostAsJsonAsync($"/api/homes/{home.Id}/demands/{demandId}/response", new { respondedOn = "2026-04-08", outcome = "邀请评审专家辅导" });

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await RulesAsync(home.Id)).Select(r => r!["text"]!.GetValue<string>()).Should().Contain("R4 需求响应率 100%/90% ✓");
    }

    [Fact]
    public async Task Another_organisation_cannot_read_or_change_the_home_its_ledgers_or_its_funding()
    {
        var home = await _drive.SeedHomeAsync("嘉定工业区科技工作者之家");
        foreach (var login in new[] { "applicant2", "district2", "applicant3" })
        {
            var stranger = await _drive.AsAsync(login);
            (await stranger.GetAsync($"/api/homes/{home.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, login);
            (await stranger.PostAsJsonAsync($"/api/homes/{home.Id}/events", new { heldOn = "2026-04-20", category = "TechSalon", title = "越权", participants = 10 }))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, login);
            (await stranger.GetFromJsonAsync<JsonObject>("/api/homes"))!["items"]!.AsArray().Should().BeEmpty(login);
        }
        var district = await _drive.AsAsync("district");
        (await district.GetAsync($"/api/homes/{home.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the district reads the homes of its area");
        (await district.PostAsJsonAsync($"/api/homes/{home.Id}/events", new { heldOn = "2026-04-20", category = "TechSalon", title = "代填", participants = 10 }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "the ledgers are kept by the home itself");
        (await _drive.ReadAsync(db => db.ServiceEvents.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Changing_next_years_setting_leaves_this_year_and_its_confirmed_assessment_as_they_were_R13()
    {
        var home = await _drive.SeedHomeAsync("嘉定工业区科技工作者之家");
        await _drive.AdvanceToAsync(2026, 10, 1, 8);
        var caseId = await _drive.AssessmentCaseAsync(home.Id, 2026);
        await _drive.CompleteAsync(caseId, "confirm", "applicant", new JsonObject { ["confirmed"] = true, ["matchingFundsYuan"] = 80000,
            ["matchingSource"] = "自筹", ["matchingUse"] = "设备", ["matchingEffect"] = "良好" });
        await _drive.WaitAtAsync(caseId, "grade");
        var admin = await _drive.AsAsync("admin");

        var saved = await admin.PutAsJsonAsync("/api/policy/Jiading/2027", new { values = new Dictionary<string, string> { ["MinInnovationEvents"] = "6", ["ConstructionGrantFen"] = "100000" } });
        var wrong = await admin.PutAsJsonAsync("/api/policy/Jiading/2027", new { values = new Dictionary<string, string> { ["FilingDeadline"] = "6月15日" } });

        saved.StatusCode.Should().Be(HttpStatusCode.NoContent);
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var leapDay = await admin.PutAsJsonAsync("/api/policy/Jiading/2027", new { values = new Dictionary<string, string> { ["FilingDeadline"] = "02-29" } });
        leapDay.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a day not every year has is refused");
        (await admin.GetAsync("/api/homes?year=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/policy/7/2026")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no rule set is called 7");
        (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["FilingDeadline"]![0]!.GetValue<string>().Should().Be("认定申报截止日须为 月-日，如 06-15（不能是 02-29）");
        var next = (await admin.GetFromJsonAsync<JsonArray>("/api/policy/Jiading/2027"))!;
        next.Single(k => k!["key"]!.GetValue<string>() == "MinInnovationEvents")!["value"]!.GetValue<string>().Should().Be("6");
        next.Single(k => k!["key"]!.GetValue<string>() == "ConstructionGrantFen")!["shown"]!.GetValue<string>().Should().Be("100,000.00 元");
        (await admin.GetFromJsonAsync<JsonArray>("/api/policy/Jiading/2026"))!.Single(k => k!["key"]!.GetValue<string>() == "MinInnovationEvents")!["value"]!
            .GetValue<string>().Should().Be("4");
        var snapshot = AssessmentSnapshot.FromJson(await _drive.ReadAsync(db => db.Assessments.Where(a => a.HomeId == home.Id).Select(a => a.Snapshot).SingleAsync()))!;
        snapshot.Rules.First(r => r.RuleId == "R3").Required.Should().Be("4");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
