using System.Text.RegularExpressions;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// 科技工作者之家认定 in Debian's Chromium against the host on a real Kestrel socket, with mail through maildev: an
/// applicant applies with an attachment, the street pre-checks in its form, the district signs off from its mail on a
/// phone, the expert visits, the district decides, and after the public notice the home is named.
/// </summary>
public sealed class CertificationBrowserTests(MailDevServer mail) : IClassFixture<MailDevServer>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The smallest file that passes the upload check for a PDF (it starts with %PDF-).</summary>
    private static readonly byte[] Pdf = "%PDF-1.4\n%场地照片\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private readonly TestHost _host = new();
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        await mail.DeleteAllAsync(); // the mail server is shared by the tests of this class
        _host.RestartWith(web => web
            .UseSetting("Mail:SmtpHost", MailDevServer.SmtpHost)
            .UseSetting("Mail:SmtpPort", mail.SmtpPort.ToString())
            .UseSetting("Mail:PollInterval", "00:00:00.100"));
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    private Task<IPage> SignInAsync(string login, ViewportSize? viewport = null) => _browser.SignInAsync(_url, login, viewport);

    /// <summary>The applicant starts a certification case, uploads the site photo, fills in the form and submits.</summary>
    private async Task<(IPage Page, string CaseUrl)> ApplyAsync(string address = "嘉定区叶城路 1288 号")
    {
        var page = await SignInAsync("applicant");
        await page.GotoAsync("/cases");
        await page.Locator("li", new() { HasText = "科技工作者之家认定" }).GetByRole(AriaRole.Button, new() { Name = "发起申报" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        var caseUrl = new Uri(page.Url).AbsolutePath;

        await page.Locator("input[name=uploads]").SetInputFilesAsync(new FilePayload { Name = "场地照片.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("附件已上传");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "场地照片.pdf" })).ToBeVisibleAsync();

        await page.GetByLabel("园区").CheckAsync();
        await FillAsync(page, "之家名称", "嘉定工业区科技工作者之家", "homeName");
        await FillAsync(page, "阵地地址", address, "address");
        await FillAsync(page, "场地面积（平方米）", "45", "areaM2");
        await FillAsync(page, "负责人", "王芳", "personInCharge");
        await FillAsync(page, "管理员", "李娜", "administrator");
        await FillAsync(page, "联系电话", "021-59990000", "phone");
        await FillAsync(page, "年度创新类活动计划（场）", "6", "innovationEvents");
        await FillAsync(page, "年度党建、科普类活动计划（场）", "3", "outreachEvents");
        await FillAsync(page, "建设方案简介", "依托园区服务中心建设阵地，每月组织技术沙龙。", "plan");
        var pledge = page.GetByLabel("本单位承诺所填信息真实有效");
        await pledge.ClickAsync();
        await Assertions.Expect(pledge).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("已提交");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申报内容" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        return (page, caseUrl);
    }

    /// <summary>
    /// Types into a form-js field. The form's data has it at once, with no wait and before the field loses focus:
    /// text applied later can be lost when the person submits or changes another field first.
    /// </summary>
    private static async Task FillAsync(IPage page, string label, string value, string key)
    {
        await page.GetByLabel(label).FillAsync(value);
        (await page.Locator("input[name=FormData]").First.InputValueAsync()).Should().MatchRegex($"\"{key}\":\"?{Regex.Escape(value)}");
    }

    /// <summary>The approver opens the case's task from the inbox 待办.</summary>
    private static async Task OpenFromInboxAsync(IPage page, string step)
    {
        await page.GotoAsync("/inbox");
        await page.Locator("tr", new() { HasText = step }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(step);
    }

    /// <summary>The street's pre-check, filled in on its task page (R9: the place is in an S&amp;T cluster).</summary>
    private static async Task PreCheckAsync(IPage street, string opinion)
    {
        await OpenFromInboxAsync(street, "街镇科协初审");
        await street.GetByLabel("是", new() { Exact = true }).CheckAsync();
        await street.GetByLabel("同意，报区科协审核").CheckAsync();
        await street.GetByLabel("意见说明").FillAsync(opinion);
        await street.Locator("#task-form").GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(street.Locator(".flash")).ToContainTextAsync("已提交");
    }

    private async Task<string> MailLinkAsync(string login, string label)
    {
        var received = await mail.WaitForMailAsync(m => m.To.Contains($"{login}@kxhome.demo") && m.Subject.Contains("新的待办"), Wait);
        await mail.DeleteAllAsync();
        return new Uri(Regex.Match(received.Text!, $"{label}：(\\S+)").Groups[1].Value).PathAndQuery;
    }

    /// <summary>Opens the approve link of the approver's mail on a phone (no sign-in) and confirms.</summary>
    private async Task ApproveFromMailAsync(string login)
    {
        var link = await MailLinkAsync(login, "同意");
        var phone = await _browser.NewPageAsync(Browser.Phone, _url);
        await phone.GotoAsync(link);
        var confirm = phone.GetByRole(AriaRole.Button, new() { Name = "确认同意" });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"))
            .Should().BeTrue("the confirmation page fits a 375 px phone screen without sideways scrolling");
        await phone.AssertAccessibleAsync();
        await confirm.ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "办理完成" })).ToBeVisibleAsync();
        await phone.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_application_goes_from_the_form_through_mail_sign_off_site_visit_and_decision_to_a_named_home_R28()
    {
        var (applicant, caseUrl) = await ApplyAsync();
        await PreCheckAsync(await SignInAsync("street"), "阵地位于园区研发楼，同意上报");
        await ApproveFromMailAsync("district");

        var expert = await SignInAsync("expert");
        await OpenFromInboxAsync(expert, "专家实地考察");
        await expert.GetByLabel("推荐", new() { Exact = true }).CheckAsync();
        await expert.GetByLabel("考察意见").FillAsync("场地宽敞，设施齐全，推荐认定");
        await expert.Locator("#task-form input.fjs-input[type=text]").First.FillAsync("2026-05-12");
        await expert.Locator("#task-form input.fjs-input[type=text]").First.PressAsync("Enter");
        await expert.Locator("#task-form").GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(expert.Locator(".flash")).ToContainTextAsync("已提交");
        var district = await SignInAsync("district");
        await OpenFromInboxAsync(district, "认定决定");
        await district.GetByLabel("予以认定").CheckAsync();
        await district.GetByLabel("决定意见").FillAsync("同意认定，公示五个工作日");
        await district.Locator("#task-form").GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(district.Locator(".flash")).ToContainTextAsync("已提交");

        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var caseId = Guid.Parse(caseUrl.Split('/').Last());
        await JobRuns.UntilAsync(engine, async () => (await engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).Count > 0);
        await _host.Factory.Services.GetRequiredService<VirtualTime>().AdvanceAsync("P10D", HomeDriver.Beijing); // the public notice ends
        await JobRuns.UntilAsync(engine, async () => (await engine.Queries.GetInstanceAsync(caseId)).Status != InstanceStatus.Active);

        applicant = await SignInAsync("applicant"); // ten days later: a new sign-in
        await applicant.GotoAsync(caseUrl);
        await Assertions.Expect(applicant.Locator("h1 .status")).ToHaveTextAsync("已办结：认定通过");
        var timeline = applicant.Locator("section", new() { Has = applicant.GetByRole(AriaRole.Heading, new() { Name = "办理记录" }) });
        await Assertions.Expect(timeline).ToContainTextAsync("李强（菊园新区）");
        await Assertions.Expect(timeline).ToContainTextAsync("孙磊（评审专家）");
        await Assertions.Expect(timeline).ToContainTextAsync("场地宽敞，设施齐全，推荐认定");
        await Assertions.Expect(timeline).ToContainTextAsync("公示期满");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "场地照片.pdf" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_correction_is_answered_and_a_rejection_needs_a_reason()
    {
        var (applicant, caseUrl) = await ApplyAsync(address: "叶城路");
        var street = await SignInAsync("street");

        await OpenFromInboxAsync(street, "街镇科协初审");
        await street.GetByLabel("意见", new() { Exact = true }).FillAsync("阵地地址不完整，请写明门牌号");
        await street.GetByRole(AriaRole.Button, new() { Name = "要求补正" }).ClickAsync();
        await Assertions.Expect(street.Locator(".flash")).ToContainTextAsync("已要求补正");

        await applicant.GotoAsync(caseUrl);
        await Assertions.Expect(applicant.Locator(".warning")).ToContainTextAsync("阵地地址不完整，请写明门牌号");
        await Assertions.Expect(applicant.GetByLabel("阵地地址")).ToHaveValueAsync("叶城路", new() { Timeout = 10_000 });
        await applicant.GetByLabel("阵地地址").FillAsync("嘉定区叶城路 1288 号");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".flash")).ToContainTextAsync("已提交");

        await PreCheckAsync(street, "已补正，同意上报");
        var district = await SignInAsync("district");
        await OpenFromInboxAsync(district, "区科协审核");
        await district.GetByRole(AriaRole.Button, new() { Name = "不同意", Exact = true }).ClickAsync();
        await Assertions.Expect(district.Locator(".errors")).ToContainTextAsync("请填写不同意的理由");
        await district.AssertAccessibleAsync();
        await district.GetByLabel("意见").FillAsync("同意报专家实地考察");
        await district.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
        await Assertions.Expect(district.Locator(".flash")).ToContainTextAsync("已同意");

        await applicant.GotoAsync(caseUrl);
        await Assertions.Expect(applicant.Locator(".steps")).ToContainTextAsync("专家实地考察");
        var timeline = applicant.Locator("section", new() { Has = applicant.GetByRole(AriaRole.Heading, new() { Name = "办理记录" }) });
        await Assertions.Expect(timeline).ToContainTextAsync("要求补正");
        await Assertions.Expect(timeline).ToContainTextAsync("阵地地址不完整，请写明门牌号");
        await Assertions.Expect(timeline).ToContainTextAsync("同意报专家实地考察");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
