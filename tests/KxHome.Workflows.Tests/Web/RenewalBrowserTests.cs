using KxHome.Workflows.Tests.Support;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// 换届 in Debian's Chromium: the association's page shows the term and its 换届; the secretariat cannot file step 1
/// until the four drafts are uploaded, each under its name (R21); the committee, then the party working committee,
/// approve from their inboxes (R22); nominations are taken on the association's page (R23).
/// </summary>
public sealed class RenewalBrowserTests : IAsyncLifetime
{
    private static readonly string[] Drafts = ["本届委员会工作报告", "章程修改草案及说明", "新一届委员会候选人建议名单", "会员（代表）大会代表名额及产生方案"];

    private readonly TestHost _host = new();
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task The_secretariat_files_the_four_drafts_and_the_committee_then_the_party_committee_approve_in_Chinese_R21_R22_R23()
    {
        var drive = new HomeDriver(_host);
        var (association, caseId) = await new AssociationDriver(drive).SeedAssociationAsync(new DateOnly(2021, 11, 1));
        await drive.Time.AdvanceAsync("PT1M", HomeDriver.Beijing);
        await drive.WaitAtAsync(caseId, "prepare");

        var applicant = await _browser.SignInAsync(_url, "applicant");
        await applicant.GotoAsync("/associations");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "嘉定工业区科学技术协会" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("body")).ToContainTextAsync("本届为第 1 届，2021-11-01 至 2026-10-31");
        await applicant.Locator("section", new() { HasText = "换届案件" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(applicant.Locator("h2", new() { HasText = "秘书处筹备换届材料（R21）" })).ToBeVisibleAsync();

        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).First.ClickAsync();
        await Assertions.Expect(applicant.Locator("[data-field='document:workReport']")).ToHaveTextAsync("请上传：本届委员会工作报告");
        await applicant.AssertAccessibleAsync();

        foreach (var draft in Drafts) await CasePages.UploadDocumentAsync(applicant, draft);
        await Assertions.Expect(applicant.Locator("ul.documents li.ok")).ToHaveCountAsync(4);
        await CasePages.SubmitFormAsync(applicant);

        await CasePages.DecideFromInboxAsync(await _browser.SignInAsync(_url, "committee"), "委员会审议（R22）", "通过", "同意换届筹备材料");
        await CasePages.DecideFromInboxAsync(await _browser.SignInAsync(_url, "party"), "园区党工委同意（R22）", "通过", "同意换届筹备材料");

        await JobRuns.UntilAsync(drive.Engine, async () => (await drive.Engine.Queries.GetInstanceAsync(caseId)).ActiveElements.Any(a => a.ElementId == "nominationsClose"));
        await applicant.GotoAsync($"/associations/{association.Id}");
        await Assertions.Expect(applicant.Locator("h2", new() { HasText = "推荐代表和委员候选人（R23）" })).ToBeVisibleAsync();
        await applicant.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "委员候选人" });
        await applicant.GetByLabel("姓名").FillAsync("王建国");
        await applicant.GetByLabel("单位").FillAsync("嘉定智能传感科技有限公司");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "推荐", Exact = true }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".flash")).ToContainTextAsync("已推荐委员候选人：王建国");
        await applicant.AssertAccessibleAsync();
        await Assertions.Expect(applicant.Locator("table", new() { HasText = "王建国" })).ToContainTextAsync("嘉定智能传感科技有限公司");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
