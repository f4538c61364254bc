using System.Security.Cryptography;
using System.Text.Json;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Mail;

/// <summary>
/// Signs and checks the approve / reject links of task emails (ASP.NET Data Protection). A link is bound to one task,
/// person, action and the task's revision, expires, and acts once; opening it (GET) never acts.
/// </summary>
public sealed class ActionLinks(IDataProtectionProvider protection, IOptions<MailOptions> options, TimeProvider clock, AppDbContext db, WorkflowEngine engine)
{
    private readonly IDataProtector _protector = protection.CreateProtector("KxHome.Mail.ActionLinks.v1");

    public string Create(UserTaskView task, string userId, string action)
    {
        var link = new ActionLink(Guid.NewGuid().ToString("N"), task.Id, userId, action, task.Revision,
            clock.GetUtcNow().UtcDateTime + options.Value.LinkLifetime);
        return _protector.Protect(JsonSerializer.Serialize(link));
    }

    public string Url(string token) => $"{options.Value.PublicUrl.TrimEnd('/')}/mail/act?t={Uri.EscapeDataString(token)}";

    /// <summary>The link and, when it cannot act, why. A tampered token gives no link.</summary>
    public async Task<(ActionLink? Link, LinkProblem Problem)> CheckAsync(string? token)
    {
        ActionLink? link;
        try
        {
            link = token is null ? null : JsonSerializer.Deserialize<ActionLink>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            link = null;
        }
        if (link is null) return (null, LinkProblem.Tampered);
        if (await db.UsedLinks.AnyAsync(u => u.LinkId == link.Id)) return (link, LinkProblem.Used);
        if (clock.GetUtcNow().UtcDateTime >= link.ExpiresAt) return (link, LinkProblem.Expired);
        try
        {
            var task = await engine.Queries.GetTaskAsync(link.TaskId);
            if (task.State != UserTaskState.Open || task.Revision != link.Revision) return (link, LinkProblem.Superseded);
        }
        catch (WorkflowNotFoundException)
        {
            return (link, LinkProblem.Superseded);
        }
        return (link, LinkProblem.None);
    }

    /// <summary>Marks the link used; false when it already was (two clicks at once: one acts).</summary>
    public async Task<bool> UseAsync(ActionLink link)
    {
        db.UsedLinks.Add(new UsedLink { LinkId = link.Id, UserId = link.UserId, UsedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static string Explain(LinkProblem problem) => problem switch
    {
        LinkProblem.Tampered => "该链接无效（可能被修改或不完整）。",
        LinkProblem.Expired => "该链接已过期。",
        LinkProblem.Used => "该链接已经使用过，操作已完成。",
        LinkProblem.Superseded => "该待办已经办理或已发生变化，链接已失效。",
        _ => "",
    };
}
