using System.Net;
using System.Net.Sockets;
using KxHome.Host.Mail;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KxHome.Workflows.Tests.Mail;

public sealed class MailSenderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static MailSender Sender(MailOptions settings) => new(Options.Create(settings));

    private static MailOptions Smtp(int port, string? user = null, string? password = null) => new()
    {
        SmtpHost = MailDevServer.SmtpHost, SmtpPort = port, UserName = user, Password = password, From = "科协审批系统 <noreply@kxhome.local>",
    };

    private static MailMessageText Mail(string to, string subject) =>
        new(to, "张三", subject, "<p>张三：请审批<b>《采购申请》</b>。</p>", "张三：请审批《采购申请》。");

    [Fact]
    public async Task A_batch_goes_over_one_connection_with_Chinese_names_both_alternatives_and_attachments()
    {
        await using var server = await MailDevServer.StartAsync();
        using var relay = new TcpRelay(MailDevServer.SmtpHost, server.SmtpPort);

        await using (var sender = Sender(Smtp(relay.Port)))
        {
            await sender.SendAsync(Mail("a@example.cn", "新的待办：认定-2026-0001"), "n1.a", CancellationToken.None);
            await sender.SendAsync(Mail("b@example.cn", "催办提醒"), "n2.b", CancellationToken.None);
            await sender.SendAsync(Mail("c@example.cn", "申报已办结（认定通过）") with
            {
                Attachments = [new MailAttachment("认定结果通知书.pdf", "application/pdf", "%PDF-1.4 结果"u8.ToArray())],
            }, "n3.c", CancellationToken.None);
        }

        relay.Connections.Should().Be(1, "a dispatch batch shares one SMTP connection");
        var first = await server.WaitForMailAsync(m => m.To.Contains("a@example.cn"), Wait);
        first.Subject.Should().Be("新的待办：认定-2026-0001");
        first.ToNames.Should().Equal("张三");
        first.FromName.Should().Be("科协审批系统");
        first.Text.Should().Contain("张三：请审批《采购申请》。");
        first.Html.Should().Contain("<b>《采购申请》</b>");
        var last = await server.WaitForMailAsync(m => m.To.Contains("c@example.cn"), Wait);
        last.Attachments.Should().Equal("认定结果通知书.pdf");
    }

    [Fact]
    public async Task A_server_that_wants_a_sign_in_refuses_a_sender_without_one_for_good_and_takes_it_with_one()
    {
        await using var server = await MailDevServer.StartAsync("kxhome", "s3cret");

        await using (var anonymous = Sender(Smtp(server.SmtpPort)))
        {
            var act = () => anonymous.SendAsync(Mail("a@example.cn", "新的待办"), "n1.a", CancellationToken.None);
            (await act.Should().ThrowAsync<MailRefusedException>()).Which.Answer.Should().MatchRegex("^5[0-9]{2} ");
        }
        await using (var signedIn = Sender(Smtp(server.SmtpPort, "kxhome", "s3cret")))
        {
            await signedIn.SendAsync(Mail("a@example.cn", "新的待办"), "n1.a", CancellationToken.None);
        }

        (await server.WaitForMailAsync(m => m.To.Contains("a@example.cn"), Wait)).Subject.Should().Be("新的待办");
    }

    [Fact]
    public async Task A_closed_port_is_a_temporary_failure_not_a_refusal()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var sender = Sender(Smtp(closed));

        var act = () => sender.SendAsync(Mail("a@example.cn", "新的待办"), "n1.a", CancellationToken.None);

        (await act.Should().ThrowAsync<Exception>()).Which.Should().NotBeOfType<MailRefusedException>();
    }

    [Fact]
    public async Task Without_a_server_each_mail_is_an_eml_file_in_the_outbox_named_by_its_key()
    {
        var outbox = Directory.CreateTempSubdirectory("kxhome-outbox-").FullName;
        try
        {
            await using (var sender = Sender(new MailOptions { OutboxFolder = outbox }))
            {
                await sender.SendAsync(Mail("a@example.cn", "新的待办：认定-2026-0001"), "n1.a", CancellationToken.None);
            }

            using var saved = await MimeMessage.LoadAsync(Path.Combine(outbox, "n1.a.eml"));
            saved.Subject.Should().Be("新的待办：认定-2026-0001");
            saved.MessageId.Should().Be("n1.a@kxhome");
            saved.To.Mailboxes.Single().Name.Should().Be("张三");
            saved.TextBody.Should().Contain("张三：请审批《采购申请》。");
            saved.HtmlBody.Should().Contain("<b>《采购申请》</b>");
        }
        finally
        {
            Directory.Delete(outbox, true);
        }
    }
}
