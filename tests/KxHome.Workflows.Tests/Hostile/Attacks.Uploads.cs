using System.Net.Http.Headers;
using System.Text;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");

    /// <summary>Evidence that is not what it claims, too big, or named to escape the attachments folder.</summary>
    private static IEnumerable<Attack> Uploads()
    {
        yield return Upload("an executable named report.pdf", "report.pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0], "内容与扩展名不符");
        yield return Upload("a Windows program named scan.png", "scan.png", Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0"), "内容与扩展名不符");
        yield return Upload("a PDF named evil.pdf.exe", "evil.pdf.exe", Pdf, "类型不允许");
        yield return Upload("an HTML page named as a PDF", "page.html", Encoding.ASCII.GetBytes("<script>alert(1)</script>"), "类型不允许");
        yield return Upload("an 11 MB PDF", "big.pdf", [.. Pdf, .. new byte[11 * 1024 * 1024]], "超过 10 MB");
        yield return Upload("an empty PDF", "empty.pdf", [], "是空的");
        yield return Upload("a file named ../../../../etc/cron.d/evil.pdf", "../../../../etc/cron.d/evil.pdf", Pdf, "文件名");
        yield return Upload(@"a file named ..\..\windows\evil.pdf", @"..\..\windows\evil.pdf", Pdf, "文件名");
        yield return Upload("a file name with a control character", "a\u0001b.pdf", Pdf, "文件名");
        yield return Upload("a file name of 300 characters", new string('长', 296) + ".pdf", Pdf, "文件名");
        yield return new Attack("evidence for another district's case", arena => Post(arena.Stranger, arena.Canary, "scan.pdf", Pdf), NotYours);
        yield return new Attack("an upload that is not a form", arena =>
            arena.Applicant.PostAsync($"/api/cases/{arena.Canary}/files", new ByteArrayContent(Pdf)), "multipart/form-data");
    }

    private static Attack Upload(string name, string fileName, byte[] content, string says) =>
        new(name, arena => Post(arena.Applicant, arena.Canary, fileName, content), says);

    private static Task<HttpResponseMessage> Post(HttpClient client, Guid caseId, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync($"/api/cases/{caseId}/files", form);
    }
}
