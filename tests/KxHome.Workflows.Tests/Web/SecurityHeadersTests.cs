using KxHome.Host.Hosting;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// The headers every answer carries, and, in Chromium, pages that draw with bpmn-js, form-js and ECharts under the
/// Content-Security-Policy without one refusal; a confirmation once asked by inline script is still asked.
/// </summary>
public sealed class SecurityHeadersTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Pages_and_the_api_carry_the_policy_and_a_mail_link_sends_no_referrer()
    {
        await using var host = new TestHost();
        using var client = new HttpClient { BaseAddress = new Uri(host.StartKestrel()) };
        var login = await client.GetAsync("/login");
        login.Headers.GetValues("Content-Security-Policy").Single().Should().Be(SecurityHeaders.ContentSecurityPolicy);
        login.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        login.Headers.GetValues("Referrer-Policy").Single().Should().Be("same-origin");
        (await client.GetAsync("/api/cases")).Headers.GetValues("Content-Security-Policy").Should().ContainSingle();
        (await client.GetAsync("/mail/act?token=x")).Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }

    [Fact]
    public async Task The_studio_a_case_form_and_the_dashboard_draw_without_a_policy_refusal_and_withdrawing_still_asks()
    {
        await using var host = new TestHost();
        var url = host.StartKestrel();
        var refusals = new List<string>();
        var admin = await browser.SignInAsync(url, "admin");
        admin.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) refusals.Add(message.Text); };
        await admin.GotoAsync("/studio/edit?id=certification:1");
        await Assertions.Expect(admin.Locator(".djs-container")).ToBeVisibleAsync();
        await admin.GotoAsync("/reports/dashboard?area=jd");
        await Assertions.Expect(admin.Locator("figure.chart").First).ToHaveAttributeAsync("data-drawn", "true");

        var applicant = await browser.SignInAsync(url, "applicant");
        applicant.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) refusals.Add(message.Text); };
        await applicant.GotoAsync("/cases");
        await applicant.Locator("li", new() { HasText = "科技工作者之家认定" }).GetByRole(AriaRole.Button, new() { Name = "发起申报" }).ClickAsync();
        await Assertions.Expect(applicant).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        var caseId = Guid.Parse(new Uri(applicant.Url).AbsolutePath.Split('/').Last());
        await Assertions.Expect(applicant.Locator(".fjs-container")).ToBeVisibleAsync();
        var asked = new List<string>();
        applicant.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.DismissAsync(); };
        await applicant.GetByRole(AriaRole.Button, new() { Name = "撤回申报" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Button, new() { Name = "撤回申报" })).ToBeVisibleAsync();

        asked.Should().Equal("确定撤回此申报吗？撤回后不能恢复。");
        (await host.Factory.Services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(caseId)).Status
            .Should().Be(InstanceStatus.Active, "the applicant said no");
        refusals.Should().BeEmpty();
    }
}
