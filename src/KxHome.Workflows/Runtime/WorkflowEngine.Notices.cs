using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

namespace KxHome.Workflows.Runtime;

// The outbox: notices written by steps, read and marked by the host's dispatcher after commit.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Takes a due notice for this host to send, so that of several hosts reading one outbox only one sends it; false
    /// when it was sent or another host has it. Until <paramref name="lease"/> has passed no one else takes it; then,
    /// if this host neither marked it sent nor failed (it stopped), the next reader does.
    /// </summary>
    public async Task<bool> ClaimNoticeAsync(Guid noticeId, TimeSpan lease, CancellationToken ct = default) =>
        await TransactAsync(session => NoticeStore.ClaimAsync(session, noticeId, Now, Now + lease, ct), ct) == 1;

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
}
