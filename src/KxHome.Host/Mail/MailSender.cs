using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KxHome.Host.Mail;

/// <summary>
/// Sends the mail of one dispatch batch (one scope) with MailKit: over one SMTP connection, opened at the first mail
/// and closed with the scope, when a server is set; else as .eml files in the outbox folder (so a plain
/// <c>dotnet run</c> needs no mail server). The notice id and recipient make the Message-ID and the file name, so a
/// mail sent twice by a crash is recognisably the same mail.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options) : IAsyncDisposable
{
    private SmtpClient? _smtp;

    /// <summary>
    /// Sends one mail. Throws <see cref="MailRefusedException"/> when the server refuses it for good (a 5xx answer);
    /// any other failure is temporary, and the next mail opens a new connection.
    /// </summary>
    public async Task SendAsync(MailMessageText mail, string messageKey, CancellationToken ct)
    {
        var settings = options.Value;
        using var message = MailMessages.Build(mail, messageKey, settings.From);
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            Directory.CreateDirectory(settings.OutboxFolder);
            await message.WriteToAsync(Path.Combine(settings.OutboxFolder, $"{messageKey}.eml"), ct);
            return;
        }
        try
        {
            var smtp = await ConnectedAsync(settings, ct);
            await smtp.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await CloseAsync(); // the connection may be half-way through a command: the next mail starts afresh
            if (Refusal(e) is { } answer) throw new MailRefusedException(answer, e);
            throw;
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task<SmtpClient> ConnectedAsync(MailOptions settings, CancellationToken ct)
    {
        if (_smtp is { IsConnected: true }) return _smtp;
        _smtp = new SmtpClient { Timeout = 30_000 };
        await _smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, Socket(settings.Security), ct);
        if (!string.IsNullOrEmpty(settings.UserName)) await _smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        return _smtp;
    }

    private async Task CloseAsync()
    {
        if (_smtp is null) return;
        try
        {
            if (_smtp.IsConnected) await _smtp.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // The server or the network already dropped the connection: nothing is left to close.
        }
        _smtp.Dispose();
        _smtp = null;
    }

    private static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    /// <summary>The server's answer when it refused for good: a 5xx reply, or credentials it does not accept.</summary>
    private static string? Refusal(Exception e) => e switch
    {
        SmtpCommandException { StatusCode: var code } when (int)code >= 500 => $"{(int)code} {e.Message}",
        ServiceNotAuthenticatedException => $"530 {e.Message}", // the server wants a sign-in the settings do not give
        AuthenticationException => $"535 {e.Message}",
        _ => null,
    };
}
