using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using System.Text.Json.Nodes;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// 培育升级 and 成立 in Debian's Chromium: the park's applicant starts the path from 我的申报, uploads the signed
/// commitment under its name and declares the intent (R10); the district accepts it from its inbox; two years later the
/// applicant applies to found the association, the party working committee consents and the district approves (R19);
/// the association's page shows its first term and officers.
/// </summary>
public sealed class CultivationBrowserTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task A_home_declares_its_intent_and_in_year_3_founds_its_association_in_Chinese_R10_R12_R19()
    {
        var drive = new HomeDriver(_host);
        var paths = new AssociationDriver(drive);
        await paths.ListedHomeAsync("嘉定工业区科技工作者之家");

        var applicant = await _browser.SignInAsync(_url, "applicant");
        await applicant.GotoAsync("/cases");
        await applicant.Locator("li", new() { HasText = "园企科协培育升级" }).GetByRole(AriaRole.Button, new() { Name = "发起申报" }).ClickAsync();
        await applicant.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        var caseId = Guid.Parse(applicant.Url[^36..]);
        await drive.WaitAtAsync(caseId, "commit"); // the path opened (a job), the step is there
        await applicant.ReloadAsync();
        await Assertions.Expect(applicant.Locator("h2", new() { HasText = "提交自主运维承诺书，提出培育意向（R10）" })).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("ul.documents li.missing")).ToContainTextAsync("自主运维承诺书（签署盖章）");
        await applicant.AssertAccessibleAsync();
        await CasePages.UploadDocumentAsync(applicant, "自主运维承诺书（签署盖章）");
        await applicant.GetByLabel("之家已实现稳定运营").CheckAsync();
        await applicant.GetByLabel("本年度已开展的面向科技工作者的活动（场）").FillAsync("6");
        await applicant.GetByLabel("培育意向说明").FillAsync("之家运营稳定，已签署自主运维承诺书，申请纳入园企科协培育。");
        await CasePages.SubmitFormAsync(applicant);

        await CasePages.DecideFromInboxAsync(await _browser.SignInAsync(_url, "district"), "区科协确认培育意向", "同意培育", "同意纳入园企科协培育");
        await paths.TimerAsync(caseId, "year2Start");
        await drive.AdvanceToAsync(2027, 1, 4);
        await paths.GuideAsync(caseId);
        await drive.AdvanceToAsync(2027, 12, 1, 10);
        await paths.VerifyAsync(caseId, passed: true);
        await paths.TimerAsync(caseId, "year3Start");
        await drive.AdvanceToAsync(2028, 1, 3);
        await drive.CompleteAsync(caseId, "conditions", "district", new JsonObject { ["meetsConditions"] = true, ["opinion"] = "具备成立园区科协的基础条件" });
        var founding = await paths.FoundingCaseAsync(caseId);
        await drive.WaitAtAsync(founding, "draft");

        applicant = await _browser.SignInAsync(_url, "applicant"); // two years on: a new session
        await applicant.GotoAsync($"/cases/{founding}");
        await Assertions.Expect(applicant.Locator("h2", new() { HasText = "填写成立申请" })).ToBeVisibleAsync();
        await CasePages.UploadDocumentAsync(applicant, "科协章程（草案）");
        await applicant.GetByLabel("科协名称").FillAsync("嘉定工业区科学技术协会");
        await applicant.GetByLabel("园区科协").CheckAsync();
        await applicant.GetByLabel("国企").CheckAsync();
        foreach (var (label, value) in new[] { ("团体会员（个）", "36"), ("个人会员（人）", "420"), ("职工人数", "5200"), ("科技工作者人数", "1380") })
        {
            await applicant.GetByLabel(label).FillAsync(value);
        }
        await applicant.GetByLabel("同意成立的党工委（党组织）名称").FillAsync("嘉定工业区党工委");
        await applicant.GetByLabel("主席姓名").FillAsync("陈立新");
        await applicant.GetByLabel("主席电话").FillAsync("021-59991001");
        await applicant.GetByLabel("秘书长姓名").FillAsync("周文斌");
        await applicant.GetByLabel("秘书长电话").FillAsync("021-59991002");
        await applicant.GetByLabel("联系人姓名").FillAsync("赵丽华");
        await applicant.GetByLabel("联系人电话").FillAsync("13800001234");
        await CasePages.SubmitFormAsync(applicant);

        await CasePages.DecideFromInboxAsync(await _browser.SignInAsync(_url, "party"), "园区党工委同意（R19）", "同意成立", "同意成立园区科协");
        var district = await _browser.SignInAsync(_url, "district");
        await district.GotoAsync("/inbox");
        await district.Locator("tr", new() { HasText = "地方科协审批（R19）" }).GetByRole(AriaRole.Link).First.ClickAsync();
        var form = district.Locator("#task-form .form-host");
        await form.GetByLabel("批准成立").CheckAsync();
        await form.GetByLabel("批复文号").FillAsync("嘉科协〔2028〕3号");
        await form.GetByLabel("批复日期").FillAsync("2028-01-20");
        await form.GetByLabel("批复日期").PressAsync("Enter");
        await form.Locator("textarea").FillAsync("同意成立");
        await CasePages.SubmitFormAsync(district);

        await drive.SettleAsync(caseId);
        var association = await paths.AssociationAsync();
        await applicant.GotoAsync("/associations");
        await Assertions.Expect(applicant.Locator("tr", new() { HasText = "嘉定工业区科学技术协会" })).ToContainTextAsync("第1届 2028-01-03 至 2033-01-02");
        await applicant.GotoAsync($"/associations/{association.Id}");
        await Assertions.Expect(applicant.Locator("dl.facts")).ToContainTextAsync("审批制，批复文号 嘉科协〔2028〕3号");
        await Assertions.Expect(applicant.Locator("section", new() { HasText = "第 1 届（2028-01-03 至 2033-01-02）" }).Locator("tr", new() { HasText = "主席" }))
            .ToContainTextAsync("陈立新");
        await Assertions.Expect(applicant.Locator("body")).ToContainTextAsync("下次换届：2032-07-02 开始筹备");
        await Assertions.Expect(applicant.Locator("section", new() { HasText = "第 1 届（2028-01-03" }).GetByRole(AriaRole.Link, new() { Name = "科协章程（草案）.pdf" }))
            .ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
