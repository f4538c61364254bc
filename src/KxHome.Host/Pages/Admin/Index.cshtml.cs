using KxHome.Host.Administration;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Host.Mail;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Pages.Admin;

/// <summary>
/// The administrator's desk: warnings (a year missing from the working-day calendar), the next deadlines, and the
/// mail that went out or was refused by the server, with its answer (with no SMTP server, the local outbox folder).
/// </summary>
public sealed class AdminModel(
    ViewerAccessor viewers, WorkCalendar calendar, TimeProvider clock, IOptions<WorkflowOptions> workflow,
    IOptions<MailOptions> mail, WorkflowEngine engine, AppDbContext db, People people) : PageModel
{
    public sealed record MailRow(string At, string To, string Subject, string? Refusal);

    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<TimerView> Deadlines { get; private set; } = [];
    public IReadOnlyList<MailRow> Mails { get; private set; } = [];
    public int PendingNotices { get; private set; }
    public IReadOnlyList<RetryingNotice> Retrying { get; private set; } = [];
    public string? OutboxFolder { get; private set; }
    public int OutboxFiles { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        Warnings = CalendarStatus.MissingYears(calendar, clock, workflow.Value.TimeZone).Select(CalendarStatus.Warning).ToList();
        Deadlines = await engine.Queries.QueryTimersAsync(new TimerQuery { Take = 20 });
        PendingNotices = (await engine.Queries.PendingNoticesAsync(500)).Count;
        Retrying = await engine.Queries.RetryingNoticesAsync();
        var sent = await db.SentMails.AsNoTracking().OrderByDescending(m => m.Id).Take(50).ToListAsync();
        var names = await people.ByIdsAsync(sent.Select(m => m.Recipient));
        Mails = sent.Select(m => new MailRow(Deadline.Format(m.SentAt), People.NameOf(names, m.Recipient), m.Subject, m.Refusal)).ToList();
        if (string.IsNullOrWhiteSpace(mail.Value.SmtpHost))
        {
            OutboxFolder = mail.Value.OutboxFolder;
            OutboxFiles = Directory.Exists(OutboxFolder) ? Directory.EnumerateFiles(OutboxFolder, "*.eml").Count() : 0;
        }
        return Page();
    }
}
