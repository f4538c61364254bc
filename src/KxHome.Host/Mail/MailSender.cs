using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Mail;

/// <summary>
/// Sends one mail with <see cref="SmtpClient"/>: to the SMTP server when one is set, else as an .eml file in the
/// outbox folder (so a plain <c>dotnet run</c> needs no mail server). The notice id and recipient make the
/// Message-ID, so a mail sent twice by a crash is recognisably the same mail.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options)
{
    public async Task SendAsync(MailMessageText mail, string messageKey, CancellationToken ct)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(MailAddress(settings.From).Address, MailAddress(settings.From).DisplayName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = mail.Text,
        };
        message.To.Add(new MailAddress(mail.ToAddress, mail.ToName, Encoding.UTF8));
        message.Headers.Add("Message-ID", $"<{messageKey}@kxhome>");
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.Html, Encoding.UTF8, MediaTypeNames.Text.Html));
        using var client = Client(settings);
        await client.SendMailAsync(message, ct);
    }

    private static SmtpClient Client(MailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            Directory.CreateDirectory(settings.OutboxFolder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = settings.OutboxFolder };
        }
        var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(settings.UserName)) client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        return client;
    }

    private static MailAddress MailAddress(string value) => new(value);
}
