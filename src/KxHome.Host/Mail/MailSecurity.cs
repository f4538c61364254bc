namespace KxHome.Host.Mail;

/// <summary>How the connection to the SMTP server is protected (<c>Mail:Security</c>).</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP, for a server on the same machine or network (port 25).</summary>
    None,

    /// <summary>Plain at first, then upgraded with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
