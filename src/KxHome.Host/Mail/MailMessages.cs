using MimeKit;

namespace KxHome.Host.Mail;

/// <summary>Builds the MIME message of a mail: plain text and HTML alternatives, then its attachments; headers in UTF-8.</summary>
public static class MailMessages
{
    public static MimeMessage Build(MailMessageText mail, string messageKey, string from)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{messageKey}@kxhome" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var file in mail.Attachments) body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.MediaType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
