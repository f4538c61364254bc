using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Host.Homes.Tasks;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>科技工作者之家认定 from the application to the plaque, through the real host, on a virtual clock.</summary>
public sealed class CertificationTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;

    public CertificationTests() => _drive = new HomeDriver(_host);

    [Fact]
    public async Task A_certified_home_is_active_with_a_plaque_one_grant_and_a_matching_obligation_R16_R18_R28()
    {
        var home = await _drive.CertifyAsync();

        home.Status.Should().Be(HomeStatus.Active);
        home.PlaqueNumber.Should().Be("嘉科家〔2026〕第001号");
        home.DesignatedOn.Should().NotBeNull();
        var funding = await _drive.ReadAsync(db => db.FundingEntries.Where(f => f.HomeId == home.Id).ToListAsync());
        funding.Should().ContainSingle().Which.Should().Match<FundingEntry>(f =>
            f.Kind == FundingKind.ConstructionGrant && f.AmountFen == 8_000_000 && f.Purpose == CertifyTask.DefaultPurpose);
        var instance = await _drive.Engine.Queries.GetInstanceAsync(home.CertificationCaseId!.Value);
        instance.Variables["matchingOwedFen"]!.GetValue<long>().Should().Be(8_000_000, "the builder matches at least the district grant (R18)");
        var history = await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).OrderBy(c => c.Id).ToListAsync());
        history.Select(c => c.To).Should().Equal(HomeStatus.Applying, HomeStatus.Active);
        history.Last().Reason.Should().Contain("嘉科家〔2026〕第001号");
        history.Last().CaseId.Should().Be(home.CertificationCaseId);
    }

    [Fact]
    public async Task The_grant_is_booked_once_even_when_its_job_runs_again_R16()
    {
        var home = await _drive.CertifyAsync();
        var certify = _host.Factory.Services.GetServices<IServiceTaskHandler>().Single(h => h.Topic == "kx-home-certify");
        var instance = await _drive.Engine.Queries.GetInstanceAsync(home.CertificationCaseId!.Value);
        var retried = new ServiceTaskContext(Guid.NewGuid(), instance.Id, instance.DefinitionId, instance.BusinessKey, "certify", "kx-home-certify", 2,
            instance.Variables);

        await certify.HandleAsync(retried, default);
        await certify.HandleAsync(retried, default);

        (await _drive.ReadAsync(db => db.FundingEntries.CountAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ConstructionGrant))).Should().Be(1);
        (await _drive.ReadAsync(db => db.Homes.SingleAsync(h => h.Id == home.Id))).PlaqueNumber.Should().Be(home.PlaqueNumber, "naming twice keeps the plaque");
    }

    [Fact]
    public async Task An_application_filed_on_June_15_in_Beijing_is_accepted_and_one_filed_after_it_is_refused_naming_the_date_R27()
    {
        var onTime = await _drive.StartCertificationAsync();
        var late = await _drive.StartCertificationAsync();
        var applicant = await _drive.AsAsync("applicant");
        await _drive.AdvanceToAsync(2026, 6, 15, 23);

        await _drive.CompleteAsync(onTime, "apply", "applicant", HomeDriver.Application("按时申报之家"));
        await _drive.WaitAtAsync(onTime, "streetReview");
        await _drive.Time.AdvanceToAsync(new DateTime(2026, 6, 15, 16, 0, 0, DateTimeKind.Utc)); // 6月16日 00:00 in Beijing
        applicant = await _drive.AsAsync("applicant");
        var task = (await _drive.WaitAtAsync(late, "apply")).Single();
        var refused = await applicant.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { variables = HomeDriver.Application("逾期申报之家") });
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("2026年6月15日").And.Contain("截止");
        (await _drive.Engine.Queries.GetInstanceAsync(late)).ActiveElements.Single().ElementId.Should().Be("apply", "nothing was filed");
        (await _drive.ReadAsync(db => db.Homes.CountAsync())).Should().Be(1, "only the application on time made a home");
        started.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a new case after the deadline is refused too");
        (await started.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().Should().Contain("2026年6月15日");
        task.DueAt.Should().Be(new DateTime(2026, 6, 15, 15, 59, 59, DateTimeKind.Utc), "the 申报 step is due at the end of June 15 in Beijing");
    }

    [Fact]
    public async Task A_street_home_outside_an_S_and_T_cluster_is_refused_at_the_street_pre_check_R9()
    {
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application("社区之家", "Street"));

        await _drive.CompleteAsync(caseId, "streetReview", "street", new JsonObject { ["inCluster"] = false, ["approved"] = true, ["opinion"] = "阵地在居民社区" });
        var ended = await _drive.SettleAsync(caseId);

        ended.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "rejected");
        var home = await _drive.HomeOfCaseAsync(caseId);
        home.Status.Should().Be(HomeStatus.Refused);
        home.InCluster.Should().BeFalse();
        (await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).OrderBy(c => c.Id).Select(c => c.Reason).ToListAsync()))
            .Last().Should().Contain("R9");
    }

    [Fact]
    public async Task A_park_application_under_30_square_metres_is_refused_on_filing_and_nothing_is_filed_R1()
    {
        var caseId = await _drive.StartCertificationAsync();
        var application = HomeDriver.Application();
        application["areaM2"] = 25;
        var task = (await _drive.WaitAtAsync(caseId, "apply")).Single();

        var refused = await (await _drive.AsAsync("applicant")).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { variables = application });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!["areaM2"]![0]!.GetValue<string>().Should().Be("R1：企业/园区之家场地面积不低于 30 平方米，申报为 25 平方米");
        (await _drive.ReadAsync(db => db.Homes.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Each_expert_of_the_site_visit_gets_a_task_and_keeps_an_opinion_R28()
    {
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application());
        await _drive.CompleteAsync(caseId, "streetReview", "street", new JsonObject { ["inCluster"] = true, ["approved"] = true, ["opinion"] = "同意" });
        (await _drive.ActAsync(caseId, "districtReview", "district", "approve", "同意")).IsSuccessStatusCode.Should().BeTrue();

        var visits = await _drive.WaitAtAsync(caseId, "siteVisit");
        visits.Should().ContainSingle().Which.Assignee.Should().Be(await _drive.MeAsync("expert"), "the demo district has one expert");
        await _drive.CompleteAsync(caseId, "siteVisit", "expert", new JsonObject { ["visitedOn"] = "2026-05-12", ["recommend"] = true, ["opinion"] = "场地宽敞，设施齐全，推荐认定" });
        await _drive.WaitAtAsync(caseId, "decide");

        var opinion = (await _drive.Engine.Queries.GetInstanceAsync(caseId)).History.Single(h => h.Kind == HistoryKind.TaskCompleted && h.ElementId == "siteVisit");
        opinion.Data!["opinion"]!.GetValue<string>().Should().Be("场地宽敞，设施齐全，推荐认定");
        opinion.UserId.Should().Be(await _drive.MeAsync("expert"));
    }

    [Fact]
    public async Task An_application_withdrawn_before_review_withdraws_its_home_and_says_why()
    {
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application("撤回之家"));
        await _drive.WaitAtAsync(caseId, "streetReview");

        var withdrawn = await (await _drive.AsAsync("applicant")).PostAsJsonAsync($"/api/cases/{caseId}/withdraw", new { reason = "场地调整后再申报" });

        withdrawn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var home = await _drive.HomeOfCaseAsync(caseId);
        home.Status.Should().Be(HomeStatus.Withdrawn);
        (await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).OrderBy(c => c.Id).ToListAsync())).Last()
            .Should().Match<HomeStatusChange>(c => c.Reason == "场地调整后再申报" && c.CaseId == caseId && c.By != null);
    }

    [Fact]
    public async Task A_step_without_a_form_cannot_point_the_case_at_another_home_or_rewrite_what_it_holds()
    {
        var other = await _drive.SeedHomeAsync("宝山之家", organisation: "bs-park", status: HomeStatus.Applying);
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application("本单位之家"));
        await _drive.CompleteAsync(caseId, "streetReview", "street", new JsonObject { ["inCluster"] = true, ["approved"] = true, ["opinion"] = "同意" });
        var review = (await _drive.WaitAtAsync(caseId, "districtReview")).Single();
        var own = (await _drive.Engine.Queries.GetInstanceAsync(caseId)).Variables["homeId"]!.GetValue<string>();

        var completed = await (await _drive.AsAsync("district")).PostAsJsonAsync($"/api/tasks/{review.Id}/complete",
            new { variables = new { approved = true, homeId = other.Id.ToString(), homeName = "改名", publicNoticeDays = 0 } });

        completed.StatusCode.Should().Be(HttpStatusCode.OK);
        var variables = (await _drive.Engine.Queries.GetInstanceAsync(caseId)).Variables;
        variables["homeId"]!.GetValue<string>().Should().Be(own, "a decision does not rewrite the home the case is about");
        variables["homeName"]!.GetValue<string>().Should().Be("本单位之家");
        variables["publicNoticeDays"]!.GetValue<long>().Should().Be(5);
        (await _drive.HomeAsync(other.Id)).Status.Should().Be(HomeStatus.Applying, "the other organisation's home is untouched");
    }

    [Fact]
    public async Task A_wage_purpose_for_the_grant_is_refused_at_the_decision_R16()
    {
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application());
        await _drive.CompleteAsync(caseId, "streetReview", "street", new JsonObject { ["inCluster"] = true, ["approved"] = true, ["opinion"] = "同意" });
        (await _drive.ActAsync(caseId, "districtReview", "district", "approve", "同意")).IsSuccessStatusCode.Should().BeTrue();
        await _drive.CompleteAsync(caseId, "siteVisit", "expert", new JsonObject { ["visitedOn"] = "2026-05-12", ["recommend"] = true, ["opinion"] = "场地宽敞，设施齐全，推荐认定" });
        var decide = (await _drive.WaitAtAsync(caseId, "decide")).Single();

        var refused = await (await _drive.AsAsync("district")).PostAsJsonAsync($"/api/tasks/{decide.Id}/complete",
            new { variables = new { approved = true, opinion = "同意认定", grantPurpose = "管理员工资补贴" } });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["grantPurpose"]![0]!.GetValue<string>().Should().StartWith("R16：建设资助只能用于阵地建设");
        (await _drive.WaitAtAsync(caseId, "decide")).Single().Id.Should().Be(decide.Id, "nothing was decided");
    }

    [Fact]
    public async Task A_certification_cancelled_by_an_administrator_withdraws_its_home()
    {
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application("取消之家"));
        await _drive.WaitAtAsync(caseId, "streetReview");

        var cancelled = await (await _drive.AsAsync("admin")).PostAsJsonAsync($"/api/cases/{caseId}/cancel", new { reason = "重复申报" });

        cancelled.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var home = await _drive.HomeOfCaseAsync(caseId);
        home.Status.Should().Be(HomeStatus.Withdrawn);
        (await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).OrderBy(c => c.Id).Select(c => c.Reason).ToListAsync()))
            .Last().Should().Be("管理员取消案件：重复申报");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
