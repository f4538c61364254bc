using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Host;

/// <summary>Evidence files on the applicant's case page: checked on upload, removable until the application is submitted.</summary>
public class CaseFilesPagesTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%场地照片\n%%EOF\n"u8.ToArray();

    private static string FileId(string page, string name) =>
        Regex.Match(page, $"fileId=([0-9a-f-]{{36}})\">{Regex.Escape(name)}<").Groups[1].Value;

    [Fact]
    public async Task A_wrong_file_is_refused_with_its_reason_and_a_wrongly_uploaded_one_is_removed_before_submitting()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await PortalPagesTests.StartCaseAsync(host);
        var casePage = $"/cases/{caseId}";

        var refused = await applicant.UploadAsync(casePage, $"{casePage}/upload", ("假的.pdf", "不是 PDF"u8.ToArray()));
        refused.Should().Contain("文件 “假的.pdf” 的内容与扩展名不符").And.Contain("暂无附件");

        var page = await applicant.UploadAsync(casePage, $"{casePage}/upload", ("场地照片.pdf", Pdf), ("旧版方案.pdf", Pdf));
        page.Should().Contain("附件已上传").And.Contain("删除 场地照片.pdf").And.Contain("删除 旧版方案.pdf");
        var wrong = FileId(page, "旧版方案.pdf");

        page = await applicant.SubmitAsync(casePage, $"{casePage}/deletefile", new() { ["fileId"] = wrong });

        page.Should().Contain("附件 “旧版方案.pdf” 已删除").And.Contain("场地照片.pdf").And.NotContain(">旧版方案.pdf<");
        (await applicant.Http.GetAsync($"{casePage}/file?fileId={wrong}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Once_submitted_the_files_stay_for_the_approvers_and_nobody_else_can_remove_them()
    {
        await using var host = new TestHost();
        var (applicant, caseId) = await PortalPagesTests.StartCaseAsync(host);
        var casePage = $"/cases/{caseId}";
        var page = await applicant.UploadAsync(casePage, $"{casePage}/upload", ("场地照片.pdf", Pdf));
        var photo = FileId(page, "场地照片.pdf");
        var other = await PageClient.SignInAsync(host.Factory, "applicant2");
        (await other.PostFormAsync("/cases", $"{casePage}/deletefile", new() { ["fileId"] = photo })).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "another organisation's applicant does not see the case");

        var taskId = Regex.Match(page, "name=\"taskId\" value=\"([^\"]+)\"").Groups[1].Value;
        page = await applicant.SubmitAsync(casePage, $"{casePage}/submit",
            new() { ["taskId"] = taskId, ["FormData"] = PortalPagesTests.ValidApplication().ToJsonString() });
        page.Should().Contain("已提交").And.NotContain("删除 场地照片.pdf");

        (await applicant.PostFormAsync(casePage, $"{casePage}/deletefile", new() { ["fileId"] = photo })).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "the street reviews what was submitted");
        var download = await applicant.Http.GetAsync($"{casePage}/file?fileId={photo}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment", "an upload is saved, never shown inside the site");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("场地照片.pdf");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }
}
