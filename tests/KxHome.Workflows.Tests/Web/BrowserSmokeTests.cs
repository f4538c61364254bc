using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Web;

public sealed class BrowserSmokeTests(Browser browser) : IClassFixture<Browser>
{
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
