using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// 年度考核 and 限期整改 in Debian's Chromium: the round opens on the virtual clock, the home confirms the figures its
/// ledger gives (3 innovation events: R3 3/4 ✗), the district grades it Unqualified with the rule table in front of it,
/// the home rectifies, the district re-verifies, and the home is active again.
/// </summary>
public sealed class AssessmentBrowserTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    private Task<IPage> SignInAsync(string login) => _browser.SignInAsync(_url, login);

    /// <summary>The applicant opens their case at the step from 我的申报.</summary>
    private static async Task OpenMyStepAsync(IPage page, string step)
    {
        await page.GotoAsync("/cases");
        await page.Locator("tr", new() { HasText = step }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("h2", new() { HasText = step })).ToBeVisibleAsync();
    }

    /// <summary>The district opens the step from its inbox.</summary>
    private static async Task OpenFromInboxAsync(IPage page, string step)
    {
        await page.GotoAsync("/inbox");
        await page.Locator("tr", new() { HasText = step }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(step);
    }

    [Fact]
    public async Task A_home_confirms_its_figures_is_graded_unqualified_rectifies_and_is_active_again_R3_R13_R15()
    {
        var drive = new HomeDriver(_host);
        var home = await drive.SeedHomeAsync("嘉定工业区科技工作者之家", HomeKind.Park);
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var (category, month) in new[] { (ServiceEventCategory.TechSalon, 2), (ServiceEventCategory.PatentTraining, 3), (ServiceEventCategory.SupplyChainMatching, 4) })
            {
                db.ServiceEvents.Add(new ServiceEvent
                {
                    Id = Guid.NewGuid(), HomeId = home.Id, Category = category, HeldOn = new DateOnly(2026, month, 8), Title = Names.Of(category), Participants = 30,
                    EnterprisesServed = 8, NewsReportedAt = new DateTime(2026, month, 8, 10, 0, 0, DateTimeKind.Utc),
                });
            }
            await db.SaveChangesAsync();
        }
        await drive.AdvanceToAsync(2026, 10, 1, 8); // the round opens by its timer
        await drive.AssessmentCaseAsync(home.Id, 2026);

        var applicant = await SignInAsync("applicant");
        await OpenMyStepAsync(applicant, "确认年度数据与经费报告");
        var facts = applicant.Locator(".home-facts");
        await Assertions.Expect(facts).ToContainTextAsync("嘉定工业区科技工作者之家");
        await Assertions.Expect(facts.Locator("tr", new() { HasText = "创新类活动" })).ToContainTextAsync("3/4");
        await Assertions.Expect(facts.Locator("tr", new() { HasText = "创新类活动" }).Locator(".mark")).ToHaveTextAsync("✗");
        await applicant.AssertAccessibleAsync();
        await applicant.GetByLabel("本年度配套经费（元）").FillAsync("80000");
        await applicant.GetByLabel("配套经费来源").FillAsync("企业自筹");
        await applicant.GetByLabel("本单位确认以上年度数据真实准确").ClickAsync();
        await CasePages.SubmitFormAsync(applicant);

        var district = await SignInAsync("district");
        await OpenFromInboxAsync(district, "评定考核等级");
        await Assertions.Expect(district.Locator(".home-facts tr", new() { HasText = "创新类活动" })).ToContainTextAsync("3/4");
        await district.GetByLabel("不合格").CheckAsync();
        await district.GetByLabel("评审意见").FillAsync("创新类活动不足4场，限期整改");
        await CasePages.SubmitFormAsync(district);
        var assessmentCase = await drive.AssessmentCaseAsync(home.Id, 2026);
        await JobRuns.UntilAsync(drive.Engine, async () => await drive.Engine.Queries.GetInstanceAsync(assessmentCase) is var i
            && (i.Incidents.Count > 0 || i.ActiveElements.Any(a => a.ElementId == "rectification")));
        var graded = await drive.Engine.Queries.GetInstanceAsync(assessmentCase);
        graded.Incidents.Select(i => i.Message).Should().BeEmpty();
        graded.ActiveElements.Should().Contain(a => a.ElementId == "rectification", "an Unqualified year calls the rectification");

        await OpenMyStepAsync(applicant, "提交整改方案");
        await applicant.GetByLabel("整改措施").FillAsync("每月开展一场技术沙龙，补齐全年创新类活动");
        await applicant.Locator("#case-form input.fjs-input[type=text]").First.FillAsync("2027-03-31");
        await applicant.Locator("#case-form input.fjs-input[type=text]").First.PressAsync("Enter");
        await CasePages.SubmitFormAsync(applicant);
        await OpenMyStepAsync(applicant, "报告整改进展");
        await applicant.GetByLabel("整改完成情况").FillAsync("十月、十一月各开展技术沙龙一场，台账已补齐");
        await CasePages.SubmitFormAsync(applicant);

        await OpenFromInboxAsync(district, "整改复核");
        await district.GetByLabel("整改到位，复核通过").CheckAsync();
        await district.GetByLabel("复核意见").FillAsync("整改到位");
        await CasePages.SubmitFormAsync(district);

        await JobRuns.UntilAsync(drive.Engine, async () => (await drive.HomeAsync(home.Id)).Status == HomeStatus.Active);
        await applicant.GotoAsync($"/homes/{home.Id}");
        await Assertions.Expect(applicant.Locator("h1")).ToContainTextAsync("已认定");
        await Assertions.Expect(applicant.Locator("body")).ToContainTextAsync("整改复核通过，恢复正常运行");
        await Assertions.Expect(applicant.Locator("body")).ToContainTextAsync("2026年度考核不合格，限期一年整改（R15）");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
