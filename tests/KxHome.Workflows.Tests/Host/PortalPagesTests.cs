using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

public class PortalPagesTests
{
    public static JsonObject ValidApplication(string homeName = "嘉定工业区科技工作者之家") => new()
    {
        ["homeName"] = homeName, ["homeKind"] = "Park", ["address"] = "嘉定区叶城路 1288 号", ["areaM2"] = 45,
        ["personInCharge"] = "王芳", ["administrator"] = "李娜", ["phone"] = "021-59990000", ["innovationEvents"] = 6,
        ["outreachEvents"] = 3, ["plan"] = "依托园区服务中心建设阵地，每月组织技术沙龙和供需对接活动。", ["pledge"] = true,
    };

    /// <summary>The applicant starts a certification case on 我的申报 and lands on its page.</summary>
    public static async Task<(PageClient Applicant, Guid CaseId)> StartCaseAsync(TestHost host)
    {
        var applicant = await PageClient.SignInAsync(host.Factory, "applicant");
        var (_, list) = await applicant.GetAsync("/cases");
        list.Should().Contain("科技工作者之家认定", "the programme is open to applicants");
        list.Should().NotContain("之家年度考核").And.NotContain("之家限期整改").And.NotContain("通用审批", "flows started by a timer or another flow are not offered");
        var started = await applicant.PostFormAsync("/cases", "/cases?handler=Start", new() { ["key"] = "certification" });
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var caseId = Guid.Parse(started.Headers.Location!.ToString().Split('/').Last());
        return (applicant, caseId);
    }

    private static async Task<string> SubmitFormAsync(PageClient applicant, Guid caseId, JsonObject data, string handler = "submit")
    {
        var (_, page) = await applicant.GetAsync($"/cases/{caseId}");
        var taskId = Regex.Match(page, "name=\"taskId\" value=\"([^\"]+)\"").Groups[1].Value;
        taskId.Should().NotBeEmpty("the applicant's step shows its form");
        return await applicant.SubmitAsync($"/cases/{caseId}", $"/cases/{caseId}/{handler}", new() { ["taskId"] = taskId, ["FormData"] = data.ToJsonString() });
    }

    /// <summary>The case's open task at the step, once the flow's jobs (登记申报) have run.</summary>
    public static async Task<Guid> OpenTaskIdAsync(TestHost host, Guid caseId, string elementId = "streetReview")
    {
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        Guid? id = null;
        await JobRuns.UntilAsync(engine, async () =>
            (id = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).FirstOrDefault(t => t.ElementId == elementId)?.Id) is not null);
        return id ?? throw new InvalidOperationException($"no open task at {elementId}");
    }

    /// <summary>The street's pre-check, filled in on its task page.</summary>
    private static async Task<string> StreetChecksAsync(PageClient street, Guid taskId, bool approved = true, string opinion = "材料齐全") =>
        await street.SubmitAsync($"/tasks/{taskId}", $"/tasks/{taskId}/submit", new()
        {
            ["FormData"] = new JsonObject { ["inCluster"] = true, ["approved"] = approved, ["opinion"] = opinion }.ToJsonString(),
        });

    [Fact]
    public async Task The_server_checks_the_form_again_and_a_refusal_keeps_what_was_typed()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        var data = ValidApplication();
        data["areaM2"] = 12;
        data.Remove("personInCharge");
        data["injected"] = "not in the form";

        var page = await SubmitFormAsync(applicant, caseId, data);

        page.Should().Contain("R1：企业/园区之家场地面积不低于 30 平方米，申报为 12 平方米").And.Contain("负责人：此项为必填项");
        page.Should().Contain("嘉定区叶城路 1288 号", "what was typed is shown again");
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var instance = await engine.Queries.GetInstanceAsync(caseId);
        instance.ActiveElements.Single().ElementId.Should().Be("apply", "nothing was submitted");
        instance.Variables.Should().NotContainKey("areaM2");
    }

    [Fact]
    public async Task A_draft_is_kept_and_a_submitted_case_shows_its_step_holder_and_deadline_on_my_cases()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        var draft = new JsonObject { ["homeName"] = "草稿之家", ["unknown"] = "dropped" };

        var saved = await SubmitFormAsync(applicant, caseId, draft, "save");
        saved.Should().Contain("草稿已保存").And.Contain("草稿之家").And.NotContain("dropped");

        await SubmitFormAsync(applicant, caseId, ValidApplication());
        await OpenTaskIdAsync(host, caseId);
        var (_, list) = await applicant.GetAsync("/cases");
        list.Should().Contain("街镇科协初审").And.Contain("街镇科协").And.Contain("还剩 10 天");
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.GetInstanceAsync(caseId)).Variables["areaM2"]!.GetValue<double>().Should().Be(45);
    }

    [Fact]
    public async Task After_submitting_the_applicant_sees_what_they_submitted_read_only_without_the_reviewers_form()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        var (_, editing) = await applicant.GetAsync($"/cases/{caseId}");
        editing.Should().NotContain("申报内容", "while the step is open the form itself shows the data");

        await SubmitFormAsync(applicant, caseId, ValidApplication());
        var street = await PageClient.SignInAsync(host.Factory, "street");
        await StreetChecksAsync(street, await OpenTaskIdAsync(host, caseId));
        var (_, page) = await applicant.GetAsync($"/cases/{caseId}");

        var submitted = Regex.Match(page, "<section class=\"card\" id=\"submitted\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        submitted.Should().Contain("<h2>申报内容</h2>")
            .And.Contain("<dt>阵地地址</dt><dd>嘉定区叶城路 1288 号</dd>")
            .And.Contain("<dt>之家类型</dt><dd>园区</dd>", "a choice shows its label")
            .And.Contain("<dt>场地面积（平方米）</dt><dd>45</dd>");
        submitted.Should().NotContain("科技集聚区", "the street's own check is not part of the application").And.NotContain("初审意见").And.NotContain("<input");
        page.Should().NotContain("data-form-schema", "nothing on the page is editable once submitted");
    }

    [Fact]
    public async Task A_correction_is_answered_then_the_pre_check_and_a_reasoned_review_bring_the_case_to_the_site_visit()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        await SubmitFormAsync(applicant, caseId, ValidApplication());
        var street = await PageClient.SignInAsync(host.Factory, "street");
        var taskId = await OpenTaskIdAsync(host, caseId);
        var (_, inbox) = await street.GetAsync("/inbox");
        inbox.Should().Contain($"/tasks/{taskId}");

        var (_, checkPage) = await street.GetAsync($"/tasks/{taskId}");
        checkPage.Should().Contain("certification-street-check").And.Contain("其他操作", "the pre-check is a form, with the other operations beside it");
        await street.SubmitAsync($"/tasks/{taskId}", $"/tasks/{taskId}", new() { ["Action"] = "Correction", ["Comment"] = "请补充场地照片" });
        var (_, asked) = await applicant.GetAsync($"/cases/{caseId}");
        asked.Should().Contain("审核人要求补正：请补充场地照片");
        await SubmitFormAsync(applicant, caseId, ValidApplication());
        var again = await OpenTaskIdAsync(host, caseId);
        var unreasoned = await street.SubmitAsync($"/tasks/{again}", $"/tasks/{again}/submit", new() { ["FormData"] = new JsonObject { ["inCluster"] = true, ["approved"] = true }.ToJsonString() });
        unreasoned.Should().Contain("意见说明：此项为必填项");
        await StreetChecksAsync(street, again);

        var district = await PageClient.SignInAsync(host.Factory, "district");
        var review = await OpenTaskIdAsync(host, caseId, "districtReview");
        var (_, task) = await district.GetAsync($"/tasks/{review}");
        task.Should().Contain("场地面积（平方米）").And.Contain("园区", "the form's data is shown with option labels");
        var noReason = await district.SubmitAsync($"/tasks/{review}", $"/tasks/{review}", new() { ["Action"] = "Reject", ["Comment"] = "" });
        noReason.Should().Contain("请填写不同意的理由");
        await district.SubmitAsync($"/tasks/{review}", $"/tasks/{review}", new() { ["Action"] = "Approve", ["Comment"] = "同意报专家考察" });

        await OpenTaskIdAsync(host, caseId, "siteVisit");
        var (_, now) = await applicant.GetAsync($"/cases/{caseId}");
        now.Should().Contain("专家实地考察").And.Contain("要求补正").And.Contain("材料齐全").And.Contain("李强（菊园新区）").And.Contain("同意报专家考察");
    }

    [Fact]
    public async Task Another_organisation_sees_neither_the_case_nor_its_task()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        await SubmitFormAsync(applicant, caseId, ValidApplication());
        var taskId = await OpenTaskIdAsync(host, caseId);

        foreach (var login in new[] { "applicant2", "district2" })
        {
            var other = await PageClient.SignInAsync(host.Factory, login);
            (await other.GetAsync($"/cases/{caseId}")).Status.Should().Be(HttpStatusCode.NotFound, login);
            (await other.GetAsync($"/tasks/{taskId}")).Status.Should().Be(HttpStatusCode.NotFound, login);
            (await other.GetAsync("/inbox")).Html.Should().NotContain(taskId.ToString(), login);
            (await other.GetAsync("/cases")).Html.Should().NotContain(caseId.ToString(), login);
            var act = await other.PostFormAsync("/inbox", $"/tasks/{taskId}", new() { ["Action"] = "Approve" });
            act.StatusCode.Should().Be(HttpStatusCode.NotFound, login);
        }
        var stillOpen = await host.Factory.Services.GetRequiredService<WorkflowEngine>().Queries.GetTaskAsync(taskId);
        stillOpen.State.Should().Be(UserTaskState.Open);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        await SubmitFormAsync(applicant, caseId, ValidApplication());
        var street = await PageClient.SignInAsync(host.Factory, "street");
        var taskId = await OpenTaskIdAsync(host, caseId);

        var forged = await street.Http.PostAsync($"/tasks/{taskId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "Approve" }));
        var withdraw = await applicant.Http.PostAsync($"/cases/{caseId}/withdraw", new FormUrlEncodedContent(new Dictionary<string, string>()));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        withdraw.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await host.Factory.Services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(caseId)).Status.Should().Be(InstanceStatus.Active);
    }

    [Fact]
    public async Task Script_typed_into_a_field_is_shown_as_text()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        await SubmitFormAsync(applicant, caseId, ValidApplication("<script>alert('x')</script>之家"));
        var street = await PageClient.SignInAsync(host.Factory, "street");
        var taskId = await OpenTaskIdAsync(host, caseId);

        var (_, page) = await street.GetAsync($"/tasks/{taskId}");

        page.Should().Contain("&lt;script&gt;alert(").And.NotContain("<script>alert(");
    }

    [Fact]
    public async Task An_applicant_withdraws_before_review_and_the_case_says_so()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        await SubmitFormAsync(applicant, caseId, ValidApplication());

        var page = await applicant.SubmitAsync($"/cases/{caseId}", $"/cases/{caseId}/withdraw", new() { ["reason"] = "材料需要重新准备" });

        page.Should().Contain("申报已撤回").And.Contain("已办结：已撤回").And.Contain("材料需要重新准备");
    }

    [Fact]
    public async Task After_a_reviewer_asks_for_a_correction_the_page_offers_no_withdrawal_and_the_engine_refuses_one()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await StartCaseAsync(host);
        await SubmitFormAsync(applicant, caseId, ValidApplication());
        var (_, before) = await applicant.GetAsync($"/cases/{caseId}");
        before.Should().Contain("撤回申报", "nobody has acted on the case yet");
        var street = await PageClient.SignInAsync(host.Factory, "street");
        var taskId = await OpenTaskIdAsync(host, caseId);
        await street.SubmitAsync($"/tasks/{taskId}", $"/tasks/{taskId}", new() { ["Action"] = "Correction", ["Comment"] = "请补充场地照片" });

        var (_, asked) = await applicant.GetAsync($"/cases/{caseId}");
        asked.Should().Contain("审核人要求补正").And.NotContain("撤回申报", "the street has acted: the page asks the engine's rule");
        var refused = await applicant.SubmitAsync($"/cases/{caseId}", $"/cases/{caseId}/withdraw", new() { ["reason"] = "不想补正了" });
        refused.Should().Contain("审核人已开始办理，不能撤回");
        (await host.Factory.Services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(caseId)).Status.Should().Be(InstanceStatus.Active);
    }

    [Fact]
    public async Task Pages_ask_for_a_login_and_administrators_see_the_calendar_warning()
    {
        await using var host = new TestHost();
        var anonymous = host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/cases", "/inbox", "/admin", $"/tasks/{Guid.NewGuid()}" })
        {
            var response = await anonymous.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().Should().Contain("/login");
        }
        var admin = await PageClient.SignInAsync(host.Factory, "admin");
        var (_, desk) = await admin.GetAsync("/admin");
        // The calendar holds 2025 and 2026 only, so next year (on the host's clock) is always missing.
        var nextYear = host.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year + 1;
        desk.Should().Contain($"{nextYear}年节假日安排未录入");
        var applicant = await PageClient.SignInAsync(host.Factory, "applicant");
        (await applicant.GetAsync("/admin")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_page_one_may_not_see_answers_in_Chinese_with_the_layout_and_a_way_back_and_keeps_its_status()
    {
        await using var host = new TestHost();
        var district = await PageClient.SignInAsync(host.Factory, "district");

        var (status, html) = await district.GetAsync("/admin");
        var (missing, missingHtml) = await district.GetAsync($"/cases/{Guid.NewGuid()}");
        var api = await (await host.SignInAsync("district")).GetAsync($"/api/cases/{Guid.NewGuid()}");

        status.Should().Be(HttpStatusCode.NotFound);
        html.Should().Contain("页面不存在").And.Contain("科协审批系统").And.Contain("返回首页").And.Contain("张伟（嘉定区科协）");
        missing.Should().Be(HttpStatusCode.NotFound);
        missingHtml.Should().Contain("页面不存在");
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", "the API keeps answering problem+json");
    }
}
