namespace KxHome.Host.Mail;

/// <summary>Settings under <c>Mail</c>. With no <see cref="SmtpHost"/>, mail is written to <see cref="OutboxFolder"/>.</summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public MailSecurity Security { get; set; } = MailSecurity.None;

    /// <summary>When set, the sender signs in to the server with this name and <see cref="Password"/>.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "KxHome <noreply@kxhome.local>";

    /// <summary>Where mail goes when no SMTP server is set (one .eml file a mail); an administrator page lists it.</summary>
    public string OutboxFolder { get; set; } = "data/outbox";

    /// <summary>The address people open, for links in mail.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>How long an approve / reject link in a mail works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Days before a task's deadline when its holders are reminded.</summary>
    public int[] ReminderDays { get; set; } = [30, 7, 1];

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a host keeps a notice it took to send before another may take it: longer than mailing one notice
    /// takes, and how late the rest of a stopped host's notices go out.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often deadlines are looked at for reminders.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
