using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Mail;

public sealed class MailDevServerTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_Chinese_html_and_text_mail_arrives_intact()
    {
        using var message = new MailMessage(new MailAddress("kxhome@example.cn", "审批系统"), new MailAddress("zhang.san@example.cn", "张三"))
        {
            Subject = "新的待办",
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(
            "张三：请审批《采购申请》。", Encoding.UTF8, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(
            "<p>张三：请审批<b>《采购申请》</b>。</p>", Encoding.UTF8, MediaTypeNames.Text.Html));
        using var smtp = new SmtpClient(MailDevServer.SmtpHost, mail.SmtpPort);

        await smtp.SendMailAsync(message);

        var received = await mail.WaitForMailAsync(m => m.To.Contains("zhang.san@example.cn"), Wait);
        received.Subject.Should().Be("新的待办");
        received.Text.Should().Contain("张三：请审批《采购申请》。");
        received.Html.Should().Contain("<p>张三：请审批<b>《采购申请》</b>。</p>");
    }

    [Fact]
    public async Task Deleting_all_mail_empties_the_inbox()
    {
        using var smtp = new SmtpClient(MailDevServer.SmtpHost, mail.SmtpPort);
        await smtp.SendMailAsync("kxhome@example.cn", "li.si@example.cn", "催办", "请尽快处理。");
        await mail.WaitForMailAsync(m => m.Subject == "催办", Wait);

        await mail.DeleteAllAsync();

        (await mail.MessagesAsync()).Should().BeEmpty();
    }
}
