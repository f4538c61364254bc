namespace KxHome.Host.Mail;

/// <summary>One email to one person, in Chinese, as HTML and plain text, with any files it carries.</summary>
public sealed record MailMessageText(string ToAddress, string ToName, string Subject, string Html, string Text)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file sent with a mail.</summary>
public sealed record MailAttachment(string FileName, string MediaType, byte[] Content);
