using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// The lists people work from, for pages and the API alike: an approver's 待办, 已办 and 抄送, and the cases of an
/// applicant's organisation (我的申报). Every list is limited to what the viewer may see, and paged.
/// </summary>
public sealed class Worklist(WorkflowEngine engine)
{
    /// <summary>A case copied to the viewer, with when and the task it was copied from.</summary>
    public sealed record Copy(TaskCopyView Row, InstanceSummary Case);

    /// <summary>
    /// Tasks the viewer holds, or nobody holds and that are offered to them on cases they may see. An applicant's own
    /// steps (申报, 补正) are on the case page, not in an approver's inbox, unless <paramref name="withApplicantSteps"/>.
    /// </summary>
    public async Task<Paged<UserTaskView>> TodoAsync(Viewer viewer, Paging paging, bool withApplicantSteps = false)
    {
        var (everywhere, own) = viewer.RolesByReach();
        if (!withApplicantSteps) own = own.Where(r => r != Roles.Applicant).ToList();
        var take = paging.Size + 1;
        if (own.Count == 0 || viewer.OrganisationId is not { } organisation)
            return Paged<UserTaskView>.From(await engine.Queries.InboxAsync(viewer.UserId, everywhere, viewer.VisibleOwners, paging.Skip, take), paging);
        // The roles of the organisation's own bodies look at its own cases only: two reads, merged in the inbox's order.
        var wide = await engine.Queries.InboxAsync(viewer.UserId, everywhere, viewer.VisibleOwners, 0, paging.Skip + take);
        var narrow = await engine.Queries.InboxAsync(viewer.UserId, own, [organisation], 0, paging.Skip + take);
        var merged = wide.Concat(narrow).DistinctBy(t => t.Id)
            .OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt).Skip(paging.Skip).Take(take).ToList();
        return Paged<UserTaskView>.From(merged, paging);
    }

    /// <summary>Tasks the viewer completed, latest first.</summary>
    public async Task<Paged<UserTaskView>> DoneAsync(Viewer viewer, Paging paging) =>
        Paged<UserTaskView>.From(await engine.Queries.QueryTasksAsync(new TaskQuery
        {
            CompletedBy = viewer.UserId, State = UserTaskState.Completed, Skip = paging.Skip, Take = paging.Size + 1,
        }), paging);

    /// <summary>Cases copied to the viewer, latest first.</summary>
    public async Task<Paged<Copy>> CopiesAsync(Viewer viewer, Paging paging)
    {
        var copies = await engine.Queries.QueryCopiesAsync(viewer.UserId, paging.Skip, paging.Size + 1);
        var cases = (await engine.Queries.QueryInstancesAsync(new InstanceQuery { Ids = copies.Select(c => c.InstanceId).Distinct().ToList(), Take = copies.Count }))
            .ToDictionary(c => c.Id);
        var rows = copies.Where(c => cases.ContainsKey(c.InstanceId)).Select(c => new Copy(c, cases[c.InstanceId])).ToList();
        return Paged<Copy>.From(rows, paging);
    }

    /// <summary>
    /// The cases the viewer may see (an applicant: their organisation's), newest first, with those a case started (a
    /// rectification an assessment called), where the applicant has steps of their own.
    /// </summary>
    public async Task<Paged<InstanceSummary>> CasesAsync(Viewer viewer, Paging paging, string? number = null) =>
        Paged<InstanceSummary>.From(await engine.Queries.QueryInstancesAsync(new InstanceQuery
        {
            Owners = viewer.VisibleOwners, Skip = paging.Skip, Take = paging.Size + 1, IncludeCalled = true, Number = number,
        }), paging);
}
