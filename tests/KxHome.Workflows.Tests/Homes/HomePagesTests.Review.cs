using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KxHome.Host.Homes;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static KxHome.Workflows.Tests.Support.HomePages;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>The pages around the home: the administrator's settings, the printed application, and the reviewer's table.</summary>
public sealed partial class HomePagesTests
{
    [Fact]
    public async Task The_administrator_sets_a_years_minimum_and_the_home_is_checked_against_it_others_get_404_R3()
    {
        var home = await _drive.CertifyAsync();
        var admin = await PageClient.SignInAsync(_host.Factory, "admin");
        var url = "/admin/policy?ruleSet=Jiading&year=2026";
        var (_, page) = await admin.GetAsync(url);
        page.Should().Contain("每年创新类活动最少场次").And.Contain("name=\"values[ConstructionGrantFen]\" value=\"80000\"").And.Contain("不会改变过去的考核");

        var refused = await admin.SubmitAsync(url, url, new() { ["values[MinInnovationEvents]"] = "很多", ["values[FilingDeadline]"] = "13-40" });
        refused.Should().Contain("每年创新类活动最少场次须为 0 至 1000000 的整数").And.Contain("认定申报截止日须为 月-日").And.Contain("value=\"很多\"");
        var saved = await admin.SubmitAsync(url, url, new() { ["values[MinInnovationEvents]"] = "5", ["values[ConstructionGrantFen]"] = "90000.50" });

        saved.Should().Contain("已保存嘉定区规则 2026 年度的设置").And.Contain("name=\"values[MinInnovationEvents]\" value=\"5\"")
            .And.Contain("name=\"values[ConstructionGrantFen]\" value=\"90000.5\"");
        var (_, homePage) = await admin.GetAsync($"/homes/{home.Id}");
        Figure(homePage, "创新类活动").Should().Be("0/5");
        (await admin.GetAsync("/admin/policy?ruleSet=Jiading&year=2027")).Html.Should().Contain("name=\"values[MinInnovationEvents]\" value=\"4\"", "another year keeps its own");
        foreach (var login in new[] { "district", "applicant" })
        {
            var other = await PageClient.SignInAsync(_host.Factory, login);
            (await other.GetAsync(url)).Status.Should().Be(HttpStatusCode.NotFound, login);
            (await other.PostFormAsync("/homes", url, new() { ["values[MinInnovationEvents]"] = "0" })).StatusCode.Should().Be(HttpStatusCode.NotFound, login);
        }
        var (_, after) = await admin.GetAsync(url);
        after.Should().Contain("name=\"values[MinInnovationEvents]\" value=\"5\"");
    }

    [Fact]
    public async Task The_print_page_lays_out_the_application_with_blank_seal_blocks()
    {
        var caseId = await _drive.StartCertificationAsync();
        await _drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application("叶城科技工作者之家"));
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");

        var (_, casePage) = await applicant.GetAsync($"/cases/{caseId}");
        var (status, print) = await applicant.GetAsync($"/cases/{caseId}/print");

        casePage.Should().Contain($"/cases/{caseId}/print").And.Contain("打印申报审批表");
        status.Should().Be(HttpStatusCode.OK);
        print.Should().Contain("科技工作者之家认定申报审批表").And.Contain("叶城科技工作者之家").And.Contain("嘉定区叶城路 1288 号").And.Contain("嘉定工业区科协");
        foreach (var block in new[] { "申报单位意见（盖章）", "推荐单位意见（盖章）", "街镇科协初审意见", "区（市）科协审批意见" }) print.Should().Contain(block);
        Regex.Matches(print, "负责人签字").Count.Should().Be(4);
        print.Should().Contain("data-print").And.Contain("print.js");
        (await (await PageClient.SignInAsync(_host.Factory, "applicant2")).GetAsync($"/cases/{caseId}/print")).Status.Should().Be(HttpStatusCode.NotFound);
        var css = await applicant.Http.GetStringAsync("/site.css");
        css.Should().Contain("@media print").And.Contain("size: A4");
    }

    [Fact]
    public async Task The_reviewer_grades_against_the_confirmed_figures_while_the_home_page_moves_on_R13()
    {
        var home = await _drive.CertifyAsync();
        await _drive.WithAsync<AssessmentDesk, int>(desk => desk.OpenRoundAsync(2026));
        var caseId = (await _drive.ReadAsync(db => db.Assessments.SingleAsync(a => a.HomeId == home.Id))).CaseId!.Value;
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        await _drive.WaitAtAsync(caseId, "confirm");
        var (_, confirming) = await applicant.GetAsync($"/cases/{caseId}");
        confirming.Should().Contain($"href=\"/homes/{home.Id}\"").And.Contain("根据台账实时统计");
        Figure(confirming, "创新类活动").Should().Be("0/4");

        using var later = new HomeDriver(_host); // the certification's API sign-ins expired while its public notice ran
        await later.CompleteAsync(caseId, "confirm", "applicant", new JsonObject
        {
            ["matchingFundsYuan"] = 80000, ["matchingSource"] = "园区自筹", ["matchingUse"] = "购置投影与会议设备", ["matchingEffect"] = "满足沙龙需要", ["confirmed"] = true,
        });
        var task = (await _drive.WaitAtAsync(caseId, "grade")).Single();
        var homeUrl = $"/homes/{home.Id}";
        await applicant.SubmitAsync(homeUrl, $"{homeUrl}/addEvent", EventFields("确认后补录的沙龙", Today, "TechSalon", news: true));

        var district = await PageClient.SignInAsync(_host.Factory, "district");
        var (_, grading) = await district.GetAsync($"/tasks/{task.Id}");
        grading.Should().Contain("之家已确认的年度数据").And.Contain(home.Name);
        Figure(grading, "创新类活动").Should().Be("0/4", "the reviewer sees what the home confirmed");
        var (_, homePage) = await district.GetAsync(homeUrl);
        Figure(homePage, "创新类活动").Should().Be("1/4", "the home's own page counts the ledger as it is now");
        homePage.Should().Contain("配套经费应不低于 80,000.00 元，已报告 80,000.00 元，已足额（R18）").And.Contain("R3 创新类活动 0/4 ✗");
        var (_, round) = await district.GetAsync("/homes/assessments?year=2026");
        round.Should().Contain(home.Name).And.Contain("待评审 <strong>1</strong>");
        (await applicant.GetAsync("/homes/assessments")).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
