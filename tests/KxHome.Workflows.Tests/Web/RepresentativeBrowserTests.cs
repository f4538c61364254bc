using KxHome.Workflows.Tests.Support;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// 科协代表之家 in Debian's Chromium: the province office publishes the call; the city association files its plan, whose
/// length the form counts as it is typed (R35), with the sealed unit opinion; the office checks it, the experts score
/// within each item's maximum (R32); after the deadline the office ends review and the home is designated and published (R36).
/// </summary>
public sealed class RepresentativeBrowserTests : IAsyncLifetime
{
    private readonly TestHost _host = new(start: RepresentativeDriver.March);
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task The_office_publishes_the_call_the_city_files_the_experts_score_and_the_result_is_published_in_Chinese_R32_R35_R36()
    {
        var drive = new HomeDriver(_host);
        var office = await _browser.SignInAsync(_url, RepresentativeDriver.Office);
        await office.GotoAsync("/representatives");
        await office.GetByRole(AriaRole.Button, new() { Name = "发布2026年度申报通知" }).ClickAsync();
        await Assertions.Expect(office.Locator(".flash")).ToContainTextAsync("已发布2026年度科协代表之家申报通知");
        var callCase = (await drive.Engine.Queries.QueryInstancesAsync(new KxHome.Workflows.Runtime.InstanceQuery())).Single().Id;
        await new AssociationDriver(drive).TimerAsync(callCase, "closes"); // the call is recorded by its first step
        await office.ReloadAsync();
        await Assertions.Expect(office.Locator("section", new() { HasText = "2026 年度申报" })).ToContainTextAsync("申报截止：2026年4月30日（R35） · 认定名额：10 个");

        var applicant = await _browser.SignInAsync(_url, "nanjing");
        await applicant.GotoAsync("/cases");
        await applicant.Locator("li", new() { HasText = "科协代表之家申报" }).GetByRole(AriaRole.Button, new() { Name = "发起申报" }).ClickAsync();
        await applicant.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        await CasePages.UploadDocumentAsync(applicant, "单位意见（加盖公章）扫描件");
        var form = applicant.Locator("#case-form .form-host");
        await form.GetByLabel("科协代表之家名称").FillAsync("南京市科协代表之家");
        await form.GetByLabel("固定活动场所地址").FillAsync("南京市鼓楼区北京西路30号");
        await form.Locator("input[id$='-contactName']").FillAsync("王亮");
        await form.GetByLabel("联系人手机").FillAsync("13951000000");
        var plan = RepresentativeDriver.Proposal(999);
        await form.GetByLabel("申报方案").FillAsync(plan);
        await Assertions.Expect(form.Locator(".char-count")).ToHaveTextAsync("已填写 999 字（不计空白）");
        await form.GetByLabel("代表及其联系的科技工作者").FillAsync("张明：李一、李二、李三、李四、李五");
        await form.GetByLabel("我单位保证申报材料真实", new() { Exact = false }).CheckAsync();

        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).First.ClickAsync();
        await Assertions.Expect(applicant.Locator("[data-field='proposal']")).ToHaveTextAsync("申报方案须不少于 1000 字（不计空白），现为 999 字（R35）");
        await applicant.AssertAccessibleAsync();
        await form.GetByLabel("申报方案").FillAsync(plan + "。");
        await Assertions.Expect(form.Locator(".char-count")).ToHaveTextAsync("已填写 1000 字（不计空白）");
        await CasePages.SubmitFormAsync(applicant);
        var caseId = Guid.Parse(applicant.Url[^36..]);
        await drive.WaitAtAsync(caseId, "check"); // filed (a job), the office's step is open

        await CasePages.DecideFromInboxAsync(office, "省科协办公室形式审查", "材料齐全", "申报书与单位意见齐全");
        await drive.WaitAtAsync(caseId, "score");
        foreach (var (expert, total) in new[] { ("jsexpert", "over"), ("jsexpert2", "ok") })
        {
            var page = await _browser.SignInAsync(_url, expert);
            await page.GotoAsync("/inbox");
            await page.Locator("tr", new() { HasText = "专家评分（R32）" }).GetByRole(AriaRole.Link).First.ClickAsync();
            var scores = page.Locator("#task-form .form-host");
            foreach (var (label, points) in new[] { ("场所与标识", "10"), ("管理办法与联系机制", "9"), ("年度计划", "9"), ("代表+党建", "18"), ("代表+窗口", "17"), ("代表+邻里", "13"), ("代表+创新", "12") })
            {
                await scores.GetByLabel(label, new() { Exact = false }).FillAsync(total == "over" && label == "场所与标识" ? "12" : points);
            }
            await scores.GetByLabel("评审意见").FillAsync("场所固定，联系机制健全");
            if (total == "over")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).First.ClickAsync();
                await Assertions.Expect(page.Locator("[data-field='scorePlace']")).ToHaveTextAsync("“场所与标识”最多 10 分，不能打 12 分（R32）");
                await scores.GetByLabel("场所与标识", new() { Exact = false }).FillAsync("10");
            }
            await CasePages.SubmitFormAsync(page);
        }

        await new RepresentativeDriver(drive).WaitingAtAsync(caseId, "decided"); // both scores kept (a job)
        await drive.AdvanceToAsync(2026, 5, 6);
        await drive.WaitAtAsync(callCase, "review"); // filing closed: the office ends review
        office = await _browser.SignInAsync(_url, RepresentativeDriver.Office); // two months on, the sign-in of March has expired
        await office.GotoAsync("/inbox");
        await office.Locator("tr", new() { HasText = "确认评审结束" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await office.Locator("#task-form .form-host").GetByLabel("所有申报的评审已经结束").CheckAsync();
        await CasePages.SubmitFormAsync(office);
        await drive.SettleAsync(callCase); // the ranking (a job) decided the call

        applicant = await _browser.SignInAsync(_url, "nanjing");
        await applicant.GotoAsync("/representatives");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "南京市科协代表之家" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("dl")).ToContainTextAsync("已认定");
        await Assertions.Expect(applicant.Locator("dl")).ToContainTextAsync("88.00 分（满分 100 分，R32）");
        await Assertions.Expect(applicant.Locator("dl")).ToContainTextAsync("2028年5月5日（2 年，R36）");
        await applicant.GotoAsync("/results?year=2026");
        await Assertions.Expect(applicant.Locator("section", new() { HasText = "科协代表之家认定与考核结果" })).ToContainTextAsync("南京市科协代表之家");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
