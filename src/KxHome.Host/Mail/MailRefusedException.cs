namespace KxHome.Host.Mail;

/// <summary>The mail server refused a mail for good (a 5xx answer); sending it again would get the same answer.</summary>
public sealed class MailRefusedException(string answer, Exception inner) : Exception(answer, inner)
{
    /// <summary>What the server said, with its status code.</summary>
    public string Answer => Message;
}
