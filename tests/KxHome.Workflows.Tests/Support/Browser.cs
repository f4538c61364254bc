using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright; nothing is downloaded (the driver ships in the NuGet package). Each page
/// gets its own context in zh-CN, closed with the browser. Use it as an xunit fixture, or
/// <c>await using var browser = await Browser.LaunchAsync();</c>.
/// </summary>
public sealed class Browser : IAsyncLifetime, IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser is not launched.");

    public static async Task<Browser> LaunchAsync()
    {
        var browser = new Browser();
        try
        {
            await browser.LaunchCoreAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh context (no cookies shared with other pages) in zh-CN; the default viewport is 1280x720.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string? baseUrl = null)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = viewport,
            BaseURL = baseUrl,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh page signed in through the login form as a demo login (e.g. "applicant"). It waits on what the person
    /// sees, the sign-out button, and not on the browser's load events, which can be missed across the redirects.
    /// </summary>
    public async Task<IPage> SignInAsync(string baseUrl, string login, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(viewport, baseUrl);
        await page.GotoAsync("/login");
        await page.GetByLabel("电子邮箱").FillAsync($"{login}@kxhome.demo");
        await page.GetByLabel("密码").FillAsync(KxHome.Host.Identity.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{login} is not signed in: {page.Url} shows “{await page.Locator("body").InnerTextAsync()}”", e);
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the browser closes every context and page it made.
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    Task IAsyncLifetime.InitializeAsync() => LaunchCoreAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task LaunchCoreAsync()
    {
        await BrowserSetup.EnsureAsync();
        Assertions.SetDefaultExpectTimeout(15_000); // a loaded CI machine runs the browser, the host and maildev on two cores
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }
}
