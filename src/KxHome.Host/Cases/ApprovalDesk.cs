using KxHome.Host.Forms;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// The approval operations, checked once for pages, the API and email links alike: the task must be the viewer's
/// to act on, a named person must be an approver who may see the case, a rejection or return needs a reason.
/// Refusals are <see cref="WorkflowException"/>s with a Chinese message.
/// </summary>
public sealed class ApprovalDesk(
    WorkflowEngine engine, CaseAccess access, People people, FormCatalog forms, IEnumerable<ICaseEnded> ended)
{
    /// <summary>How soon the holder of a task may be urged again.</summary>
    public static readonly TimeSpan UrgeInterval = TimeSpan.FromHours(24);

    public async Task<string> ActAsync(Viewer viewer, Guid taskId, ApprovalRequest request)
    {
        var task = await access.ActionableTaskAsync(viewer, taskId) ?? throw NotYours();
        var comment = request.Comment?.Trim();
        if (request.Action is ApprovalAction.Approve or ApprovalAction.Reject && forms.NeedsInput(task.FormKey))
        {
            throw new WorkflowException("form-required", $"“{task.Name}”需要填写表单，请在待办页面填写后提交");
        }
        switch (request.Action)
        {
            case ApprovalAction.Approve:
                await engine.CompleteTaskAsync(task.Id, viewer.UserId, new Dictionary<string, object?> { ["approved"] = true }, comment);
                return "已同意";
            case ApprovalAction.Reject:
                Require(comment, "请填写不同意的理由");
                await engine.CompleteTaskAsync(task.Id, viewer.UserId, new Dictionary<string, object?> { ["approved"] = false }, comment, final: true);
                return "已退件（不同意）";
            case ApprovalAction.Return:
                Require(request.TargetElementId, "请选择退回到哪一步");
                await engine.ReturnTaskAsync(task.Id, viewer.UserId, request.TargetElementId!, comment ?? "", correction: false);
                return "已退回";
            case ApprovalAction.Correction:
                var applicantStep = (await PassedStepsAsync(task)).FirstOrDefault(s => s.IsApplicantStep)
                    ?? throw new WorkflowException("no-applicant-step", "案件尚未经过申请人填报的步骤，不能要求补正");
                await engine.ReturnTaskAsync(task.Id, viewer.UserId, applicantStep.ElementId, comment ?? "", correction: true);
                return "已要求补正，申请人的办理期限暂停计时";
            case ApprovalAction.Delegate:
                await engine.DelegateTaskAsync(task.Id, viewer.UserId, await ApproverAsync(task, request.PersonId), comment);
                return "已委派";
            case ApprovalAction.Transfer:
                await engine.TransferTaskAsync(task.Id, viewer.UserId, await ApproverAsync(task, request.PersonId), comment);
                return "已转交";
            case ApprovalAction.AddSignerBefore or ApprovalAction.AddSignerAfter:
                await engine.AddSignerAsync(task.Id, viewer.UserId, await ApproverAsync(task, request.PersonId),
                    before: request.Action == ApprovalAction.AddSignerBefore, comment);
                return "已加签";
            case ApprovalAction.Copy:
                await engine.CopyTaskAsync(task.Id, viewer.UserId, await ApproverAsync(task, request.PersonId), comment);
                return "已抄送";
            default:
                throw new WorkflowException("unknown-action", "未知的操作");
        }
    }

    /// <summary>撤回: the applicant side takes its case back while nobody outside it has acted; its programme hears of it.</summary>
    public async Task WithdrawAsync(Viewer viewer, InstanceView instance, string? reason)
    {
        await engine.WithdrawAsync(instance.Id, viewer.UserId, await ApplicantSideAsync(instance), reason);
        foreach (var hook in ended) await hook.EndedAsync(instance.Id, viewer.UserId, string.IsNullOrWhiteSpace(reason) ? "申报单位撤回申报" : reason);
    }

    /// <summary>Whether the viewer may withdraw the case now: an applicant, and the engine's rule (<see cref="Withdrawal"/>) allows it.</summary>
    public async Task<bool> MayWithdrawAsync(Viewer viewer, InstanceView instance) =>
        viewer.IsApplicant && Withdrawal.Refusal(instance, await ApplicantSideAsync(instance)) is null;

    private async Task<IReadOnlyCollection<string>> ApplicantSideAsync(InstanceView instance) =>
        (await people.WithRolesForAsync(instance.Owner, [Roles.Applicant])).Select(u => u.Id).ToHashSet();

    /// <summary>An administrator cancels a case (with a reason, kept in its history); its programme hears of it.</summary>
    public async Task CancelAsync(string userId, Guid caseId, string reason)
    {
        await engine.CancelAsync(caseId, userId, reason);
        foreach (var hook in ended) await hook.EndedAsync(caseId, userId, $"管理员取消案件：{reason}");
    }

    /// <summary>催办: anyone who may read the case reminds whoever holds an open task of it.</summary>
    public async Task UrgeAsync(Viewer viewer, Guid taskId, string? comment)
    {
        var task = await access.ReadableTaskAsync(viewer, taskId) ?? throw NotYours();
        await engine.UrgeTaskAsync(task.Id, viewer.UserId, comment, UrgeInterval);
    }

    /// <summary>The user tasks the case has passed in the task's scope, latest first: the steps a task can go back to.</summary>
    public async Task<IReadOnlyList<PassedStep>> PassedStepsAsync(UserTaskView task)
    {
        var instance = await engine.Queries.GetInstanceAsync(task.InstanceId);
        var model = await engine.Queries.GetModelAsync(instance.DefinitionId);
        var scope = model.ScopeOf(task.ElementId);
        return instance.History
            .Where(h => h.Kind == HistoryKind.TaskCompleted && h.ElementId is { } id && id != task.ElementId && scope.Contains(id))
            .Reverse().DistinctBy(h => h.ElementId)
            .Select(h => model.Node(h.ElementId!) as UserTaskNode)
            .OfType<UserTaskNode>()
            .Select(n => new PassedStep(n.Id, n.DisplayName, IsApplicantStep(n)))
            .ToList();
    }

    /// <summary>Whether the applicant's side fills in this step (申报, 补正, 确认): its candidate groups include the applicant.</summary>
    public static bool IsApplicantStep(UserTaskNode node) => node.Settings.AlwaysOffersTo(Roles.Applicant);

    /// <summary>
    /// Who a task may be handed to (委派, 转交, 加签, 抄送): people who see the case and hold a role the task is meant for
    /// (one of its candidate groups or, for a task assigned to a person, one of that person's roles), and who do not
    /// already hold this step of the case. An expert's scoring thus stays with an expert who has not scored it (R32),
    /// and a countersignature with a person who has not signed; a task meant for no role may go to any approver.
    /// </summary>
    public async Task<IReadOnlyList<AppUser>> HandoverPeopleAsync(UserTaskView task)
    {
        var roles = task.CandidateGroups.Count > 0 ? task.CandidateGroups : await people.RolesOfAsync(task.Assignee);
        var candidates = roles.Count == 0 ? await people.ApproversForAsync(task.Owner) : await people.WithRolesForAsync(task.Owner, roles);
        var holders = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = task.InstanceId }))
            .Where(t => t.ElementId == task.ElementId).Select(t => t.Assignee).OfType<string>().ToHashSet();
        return candidates.Where(p => !holders.Contains(p.Id)).ToList();
    }

    private async Task<string> ApproverAsync(UserTaskView task, string? personId)
    {
        Require(personId, "请选择人员");
        return (await HandoverPeopleAsync(task)).Any(a => a.Id == personId)
            ? personId!
            : throw new WorkflowException("person-not-allowed", "所选人员不是可以办理此案件的审核人员");
    }

    private static void Require(string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new WorkflowException("input-required", message);
    }

    private static WorkflowNotFoundException NotYours() => new("task-not-found", "待办不存在，或不是您的待办");
}

/// <summary>A step the case has passed, to go back to.</summary>
public sealed record PassedStep(string ElementId, string Name, bool IsApplicantStep);
