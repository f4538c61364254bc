using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Web;

public sealed class BrowserSmokeTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task A_forbidden_page_shows_the_sites_Chinese_answer_and_not_the_browsers_own_error()
    {
        await using var host = new TestHost();
        var url = host.StartKestrel();
        var page = await browser.SignInAsync(url, "district");

        var response = await page.GotoAsync("/admin");

        response!.Status.Should().Be(404);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "返回首页" })).ToBeVisibleAsync();
        (await page.Locator("body").InnerTextAsync()).Should().NotContain("can't be found");
    }

    [Fact]
    public async Task Clicking_a_Chinese_button_changes_its_text_on_a_phone()
    {
        var page = await browser.NewPageAsync(Browser.Phone);
        await page.SetContentAsync("""<button onclick="this.textContent='已点击'">点我</button>""");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "点我" }).ClickAsync();

        (await page.Locator("button").TextContentAsync()).Should().Be("已点击");
        (await page.EvaluateAsync<string>("navigator.language")).Should().Be("zh-CN");
        page.ViewportSize!.Width.Should().Be(375);
    }
}
