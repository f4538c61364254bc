namespace KxHome.Host.Mail;

/// <summary>One email of a notice that went out, so a retried notice never mails the same person twice.</summary>
public sealed class SentMail
{
    public long Id { get; set; }
    public Guid NoticeId { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime SentAt { get; set; }
}
