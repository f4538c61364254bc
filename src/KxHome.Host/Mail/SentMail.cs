namespace KxHome.Host.Mail;

/// <summary>
/// One email of a notice that went out, or that the server refused for good; either way a retried notice never
/// mails that person again.
/// </summary>
public sealed class SentMail
{
    public long Id { get; set; }
    public Guid NoticeId { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime SentAt { get; set; }

    /// <summary>The server's answer when it refused the mail for good (a 5xx), shown to administrators; null when sent.</summary>
    public string? Refusal { get; set; }
}
