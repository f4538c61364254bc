namespace KxHome.Host.Mail;

/// <summary>An email action link that has acted; it never acts again.</summary>
public sealed class UsedLink
{
    public string LinkId { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime UsedAt { get; set; }
}
