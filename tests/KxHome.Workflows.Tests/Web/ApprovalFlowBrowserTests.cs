using System.Text.RegularExpressions;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// The whole approval in Debian's Chromium against the host on a real Kestrel socket, with mail through maildev:
/// an applicant applies with an attachment, approvers sign off from their mail (on a phone) and from the inbox.
/// </summary>
public sealed class ApprovalFlowBrowserTests(MailDevServer mail) : IClassFixture<MailDevServer>, IAsyncLifetime
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
        await FillAsync(page, "年度创新类活动计划（次）", "6", "innovationEvents");
        await FillAsync(page, "年度党建、科普类活动计划（次）", "3", "outreachEvents");
        await FillAsync(page, "建设方案简介", "依托园区服务中心建设阵地，每月组织技术沙龙。", "plan");
        var pledge = page.GetByLabel("本单位承诺所填信息真实有效");
        await pledge.ClickAsync();
        await Assertions.Expect(pledge).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("已提交");
        return (page, caseUrl);
    }

    /// <summary>
    /// Types into a form-js field. The form's data has it at once, with no wait and before the field loses focus:
    /// text applied later can be lost when the person submits or changes another field first.
    /// </summary>
    private static async Task FillAsync(IPage page, string label, string value, string key)
    {
        await page.GetByLabel(label).FillAsync(value);
        (await page.Locator("input[name=FormData]").InputValueAsync()).Should().MatchRegex($"\"{key}\":\"?{Regex.Escape(value)}");
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
        await confirm.ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "办理完成" })).ToBeVisibleAsync();
    }

    /// <summary>The approver opens the case's task from the inbox 待办 and presses an operation with a comment.</summary>
    private static async Task ActInInboxAsync(IPage page, string button, string comment)
    {
        await page.GotoAsync("/inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "科技工作者之家认定" }).First.ClickAsync();
        await page.GetByLabel("意见").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task An_application_with_an_attachment_is_approved_from_the_mail_on_a_phone_and_the_applicant_sees_it()
    {
        var (applicant, caseUrl) = await ApplyAsync();

        await ApproveFromMailAsync("street");
        await ApproveFromMailAsync("district");

        await applicant.GotoAsync(caseUrl);
        await Assertions.Expect(applicant.Locator("h1 .status")).ToHaveTextAsync("已办结：通过");
        var timeline = applicant.Locator("section", new() { Has = applicant.GetByRole(AriaRole.Heading, new() { Name = "办理记录" }) });
        await Assertions.Expect(timeline).ToContainTextAsync("街镇科协初审");
        await Assertions.Expect(timeline).ToContainTextAsync("李强（菊园新区）");
        await Assertions.Expect(timeline).ToContainTextAsync("张伟（嘉定区科协）");
        await Assertions.Expect(timeline).ToContainTextAsync("办结");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "场地照片.pdf" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_a_correction_is_answered_resubmitted_and_approved()
    {
        var (applicant, caseUrl) = await ApplyAsync(address: "叶城路");
        var street = await SignInAsync("street");

        await ActInInboxAsync(street, "不同意", "");
        await Assertions.Expect(street.Locator(".errors")).ToContainTextAsync("请填写不同意的理由");
        await street.GetByLabel("意见").FillAsync("阵地地址不完整，请写明门牌号");
        await street.GetByRole(AriaRole.Button, new() { Name = "要求补正" }).ClickAsync();
        await Assertions.Expect(street.Locator(".flash")).ToContainTextAsync("已要求补正");

        await applicant.GotoAsync(caseUrl);
        await Assertions.Expect(applicant.Locator(".warning")).ToContainTextAsync("阵地地址不完整，请写明门牌号");
        await Assertions.Expect(applicant.GetByLabel("阵地地址")).ToHaveValueAsync("叶城路", new() { Timeout = 10_000 });
        await applicant.GetByLabel("阵地地址").FillAsync("嘉定区叶城路 1288 号");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".flash")).ToContainTextAsync("已提交");

        await ActInInboxAsync(street, "同意", "已补正，同意");
        var district = await SignInAsync("district");
        await ActInInboxAsync(district, "同意", "同意认定");

        await applicant.GotoAsync(caseUrl);
        await Assertions.Expect(applicant.Locator("h1 .status")).ToHaveTextAsync("已办结：通过");
        var timeline = applicant.Locator("section", new() { Has = applicant.GetByRole(AriaRole.Heading, new() { Name = "办理记录" }) });
        await Assertions.Expect(timeline).ToContainTextAsync("要求补正");
        await Assertions.Expect(timeline).ToContainTextAsync("阵地地址不完整，请写明门牌号");
        await Assertions.Expect(timeline).ToContainTextAsync("同意认定");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
