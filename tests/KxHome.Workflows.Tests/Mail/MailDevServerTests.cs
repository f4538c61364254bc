using KxHome.Host.Mail;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.Options;

namespace KxHome.Workflows.Tests.Mail;

public sealed class MailDevServerTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Deleting_all_mail_empties_the_inbox()
    {
        await using (var sender = new MailSender(Options.Create(new MailOptions { SmtpHost = MailDevServer.SmtpHost, SmtpPort = mail.SmtpPort })))
        {
            await sender.SendAsync(new MailMessageText("li.si@example.cn", "李四", "催办", "<p>请尽快处理。</p>", "请尽快处理。"), "n1.li", CancellationToken.None);
        }
        await mail.WaitForMailAsync(m => m.Subject == "催办", Wait);

        await mail.DeleteAllAsync();

        (await mail.MessagesAsync()).Should().BeEmpty();
    }
}
