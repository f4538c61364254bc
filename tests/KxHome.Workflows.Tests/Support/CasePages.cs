using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Support;

/// <summary>What a person does on a case or task page in the browser: submit the step's form, upload a required document.</summary>
public static class CasePages
{
    /// <summary>Clicks 提交 and waits for the page to say 已提交.</summary>
    public static async Task SubmitFormAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("已提交");
    }

    /// <summary>Uploads a small PDF as the required document named <paramref name="document"/>; its line in the list turns ✓.</summary>
    public static async Task UploadDocumentAsync(IPage page, string document)
    {
        await page.GetByLabel("材料类别").SelectOptionAsync(new SelectOptionValue { Label = document });
        await page.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = document + ".pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("附件已上传");
        await Assertions.Expect(page.Locator("ul.documents li.ok", new() { HasText = document })).ToBeVisibleAsync();
    }

    /// <summary>Opens the step from the inbox, decides with the radio <paramref name="decision"/> and a reason, and submits.</summary>
    public static async Task DecideFromInboxAsync(IPage page, string step, string decision, string opinion)
    {
        await page.GotoAsync("/inbox");
        await page.Locator("tr", new() { HasText = step }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(step);
        var form = page.Locator("#task-form .form-host");
        await form.GetByLabel(decision, new() { Exact = true }).CheckAsync();
        await form.Locator("textarea").Last.FillAsync(opinion);
        await SubmitFormAsync(page);
    }
}
