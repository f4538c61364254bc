using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

// The outbox: notices written by steps, read and marked by the host's dispatcher after commit.
public sealed partial class WorkflowEngine
{
    /// <summary>Notices not yet sent whose time has come, oldest first.</summary>
    public async Task<IReadOnlyList<NoticeView>> PendingNoticesAsync(int max = 50, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var rows = await db.Notices.AsNoTracking().Where(n => n.SentAt == null && n.AvailableAt <= now)
            .OrderBy(n => n.CreatedAt).Take(max).ToListAsync(ct);
        return rows.Select(n => new NoticeView(n.Id, n.Kind, n.InstanceId, n.TaskId, n.UserId, n.Recipient, n.Comment, n.CreatedAt, n.Attempts))
            .ToList();
    }

    /// <summary>Notices not yet sent that failed at least once, next attempt first.</summary>
    public async Task<IReadOnlyList<RetryingNotice>> RetryingNoticesAsync(int max = 20, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Notices.AsNoTracking().Where(n => n.SentAt == null && n.Attempts > 0).OrderBy(n => n.AvailableAt).Take(max)
            .Select(n => new RetryingNotice(n.Id, n.Kind, n.InstanceId, n.Attempts, n.LastError, n.AvailableAt)).ToListAsync(ct);
    }

    /// <summary>The notice was sent; it is never sent again.</summary>
    public Task MarkNoticeSentAsync(Guid noticeId, CancellationToken ct = default) =>
        TransactAsync(session => NoticeStore.MarkSentAsync(session, noticeId, Now, ct), ct);

    /// <summary>Sending failed; it is tried again at <paramref name="retryAt"/>.</summary>
    public Task MarkNoticeFailedAsync(Guid noticeId, string error, DateTime retryAt, CancellationToken ct = default) =>
        TransactAsync(session => NoticeStore.MarkFailedAsync(session, noticeId, error, retryAt, ct), ct);

    /// <summary>Writes notices found outside a step (deadline reminders); one whose dedup key exists is skipped.</summary>
    public Task AddNoticesAsync(IReadOnlyList<NewNotice> notices, CancellationToken ct = default) =>
        TransactAsync(async session =>
        {
            foreach (var n in notices)
            {
                await NoticeStore.InsertAsync(session, new NoticeRow
                {
                    Kind = n.Kind, InstanceId = n.InstanceId, TaskId = n.TaskId, UserId = n.UserId, Recipient = n.Recipient,
                    Comment = n.Comment, DedupKey = n.DedupKey,
                }, Now, ct);
            }
            return true;
        }, ct);

    /// <summary>The parsed process of one deployed version (its elements, names and forms).</summary>
    public async Task<ProcessModel> GetModelAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await _definitions.GetAsync(db, definitionId, ct); // a version never changes: parsed once, then from memory
    }
}
