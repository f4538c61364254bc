namespace KxHome.Host.Mail;

/// <summary>One email to one person, in Chinese, as HTML and plain text.</summary>
public sealed record MailMessageText(string ToAddress, string ToName, string Subject, string Html, string Text);
