using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Mail;

/// <summary>
/// Sends the outbox after commit: each pending notice becomes its emails; each email sent is recorded, so a notice
/// tried again (after a failure or a crash) never mails the same person twice. A temporary failure (a 4xx, a lost
/// connection) waits longer each time; a mail the server refuses for good is recorded with its answer, not retried.
/// Hosts sharing one database each claim a notice before sending it, so one host sends it; a host that stops midway
/// leaves it to the others (or to itself, restarted) once its claim runs out (<c>Mail:ClaimLease</c>).
/// </summary>
public sealed class NoticeDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<NoticeDispatcher> log)
    : BackgroundService
{
    // One pass at a time in this host: a pass asked for while the background one runs waits for it, so it finds the
    // notices that pass had claimed already sent instead of passing over them.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Sends every notice that is due; returns how many were done.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            return await SendDueAsync(ct);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var mails = scope.ServiceProvider.GetRequiredService<NoticeMails>();
        var sender = scope.ServiceProvider.GetRequiredService<MailSender>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var done = 0;
        foreach (var notice in await engine.Queries.PendingNoticesAsync(50, ct))
        {
            if (!await engine.ClaimNoticeAsync(notice.Id, options.Value.ClaimLease, ct)) continue; // sent meanwhile, or another host has it
            try
            {
                foreach (var (to, mail) in await mails.ForAsync(notice))
                {
                    if (await db.SentMails.AnyAsync(m => m.NoticeId == notice.Id && m.Recipient == to.Id, ct)) continue;
                    string? refusal = null;
                    try
                    {
                        await sender.SendAsync(mail, $"{notice.Id:N}.{to.Id}", ct);
                    }
                    catch (MailRefusedException e)
                    {
                        refusal = e.Answer; // asking again gets the same answer: recorded for the administrator, not retried
                        log.LogWarning("The mail server refused notice {Notice} for {Recipient}: {Answer}", notice.Id, to.Id, e.Answer);
                    }
                    db.SentMails.Add(new SentMail
                    {
                        NoticeId = notice.Id, Recipient = to.Id, Subject = mail.Subject, SentAt = clock.GetUtcNow().UtcDateTime, Refusal = refusal,
                    });
                    await db.SaveChangesAsync(ct);
                }
                await engine.MarkNoticeSentAsync(notice.Id, ct);
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var wait = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, notice.Attempts)));
                log.LogWarning(e, "Notice {Notice} ({Kind}) could not be sent; trying again in {Wait}", notice.Id, notice.Kind, wait);
                await engine.MarkNoticeFailedAsync(notice.Id, e.Message, clock.GetUtcNow().UtcDateTime + wait, ct);
            }
        }
        return done;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                while (await DispatchOnceAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The outbox could not be read");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
