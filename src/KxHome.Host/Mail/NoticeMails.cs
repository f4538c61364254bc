using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Mail;

/// <summary>
/// Turns a notice into the emails it means: who is told (the task's holder or the people of its groups who may
/// see the case; the applicants for their case) and what they read. A task nobody can take goes to the
/// administrators of the owning association, who are told.
/// </summary>
public sealed class NoticeMails(WorkflowEngine engine, People people, ActionLinks links, Forms.FormCatalog forms, Cases.CaseTitles titles, IOptions<MailOptions> options)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task<IReadOnlyList<(AppUser To, MailMessageText Mail)>> ForAsync(NoticeView notice)
    {
        if (notice.Kind == NoticeKind.OrganisationMessage) return await OrganisationMessageAsync(notice);
        var instance = notice.InstanceId is { } id ? await engine.Queries.GetInstanceAsync(id) : null;
        var task = notice.TaskId is { } taskId ? await engine.Queries.GetTaskAsync(taskId) : null;
        if (instance is null) return [];
        var title = await CaseTitleAsync(instance);
        var actor = notice.UserId is null ? null : (await people.ByIdsAsync([notice.UserId])).Values.FirstOrDefault();
        switch (notice.Kind)
        {
            case NoticeKind.TaskCreated when task is { State: UserTaskState.Open }:
                var holders = notice.Recipient is { } one ? await UsersAsync([one]) : await HoldersAsync(task);
                if (holders.Count == 0) return await UnassignedAsync(task, title);
                return holders.Select(to => (to, TaskMail(to, task, title, "您有一项新的待办", "新的待办"))).ToList();
            case NoticeKind.TaskUrged when task is { State: UserTaskState.Open }:
                return (await HoldersAsync(task)).Select(to => (to, TaskMail(to, task, title,
                    $"{actor?.DisplayName ?? "申请人"}催办此待办，请尽快处理。{Said(notice.Comment)}", "催办提醒"))).ToList();
            case NoticeKind.DeadlineReminder when task is { State: UserTaskState.Open }:
                return (await HoldersAsync(task)).Select(to => (to, TaskMail(to, task, title,
                    $"此待办将于 {Format(task.DueAt)} 到期，请及时办理。", "办理期限提醒"))).ToList();
            case NoticeKind.DeadlinePassed when task is { State: UserTaskState.Open }:
                return (await HoldersAsync(task)).Select(to => (to, TaskMail(to, task, title,
                    $"此待办已于 {Format(task.DueAt)} 超过办理期限，请尽快办理。", "已超过办理期限"))).ToList();
            case NoticeKind.TaskCopied when notice.Recipient is { } recipient:
                return (await UsersAsync([recipient])).Select(to => (to, MailTemplates.Compose(to.Email!, to.DisplayName, $"抄送：{title}",
                    $"{actor?.DisplayName ?? "审核人"}将此案件抄送给您知悉。{Said(notice.Comment)}", Facts(title, task), [Open(instance.Id)]))).ToList();
            case NoticeKind.CorrectionRequested:
                return (await people.WithRolesForAsync(instance.Owner, [Roles.Applicant])).Select(to => (to, MailTemplates.Compose(to.Email!, to.DisplayName,
                    $"请补正申报材料：{title}", $"审核人要求补正申报材料，补正期间办理期限暂停计时。{Said(notice.Comment)}", Facts(title, null), [Open(instance.Id)]))).ToList();
            case NoticeKind.CaseEnded:
                var outcome = Outcome(instance);
                return (await people.WithRolesForAsync(instance.Owner, [Roles.Applicant])).Select(to => (to, MailTemplates.Compose(to.Email!, to.DisplayName,
                    $"申报已办结（{outcome}）：{title}", $"您单位的申报已办结，结果：{outcome}。", Facts(title, null), [Open(instance.Id)]))).ToList();
            case NoticeKind.FlowMessage when notice.Recipient is { } recipient:
                var lines = (notice.Comment ?? "").Split('\n', 2);
                var readers = Roles.All.Contains(recipient) ? await people.WithRolesForAsync(instance.Owner, [recipient]) : await UsersAsync([recipient]);
                return readers.Select(to => (to, MailTemplates.Compose(to.Email!, to.DisplayName, $"{lines[0]}：{title}",
                    lines.Length > 1 ? lines[1] : lines[0], Facts(title, null), [Open(instance.Id)]))).ToList();
            default:
                return []; // the task ended before the notice went out: nothing to tell
        }
    }

    /// <summary>
    /// What an ended case came to: the name of the end event it reached (认定通过, 未通过, 考核优秀…), else 通过 or 未通过 by its
    /// <c>approved</c> variable; "已撤回" or "已取消".
    /// </summary>
    public static string Outcome(InstanceView instance) => instance.Status switch
    {
        InstanceStatus.Completed when instance.History.LastOrDefault(h => h.Kind == HistoryKind.ElementLeft)?.ElementName is { Length: > 0 } end => end,
        InstanceStatus.Completed => instance.Variables.TryGetValue("approved", out var approved) && approved?.GetValueKind() == System.Text.Json.JsonValueKind.True ? "通过" : "未通过",
        _ when instance.History.Any(h => h.Kind == HistoryKind.InstanceWithdrawn) => "已撤回",
        _ => "已取消",
    };

    private async Task<IReadOnlyList<(AppUser, MailMessageText)>> OrganisationMessageAsync(NoticeView notice)
    {
        var lines = (notice.Comment ?? "").Split('\n', 3);
        if (notice.Recipient is not { } organisation || lines.Length < 3) return [];
        var actor = notice.UserId is null ? null : (await people.ByIdsAsync([notice.UserId])).Values.FirstOrDefault();
        var lead = actor is null ? lines[1] : $"{actor.DisplayName}：{lines[1]}";
        return (await people.WithRolesForAsync(organisation, [Roles.Applicant])).Where(to => to.Email is not null)
            .Select(to => (to, MailTemplates.Compose(to.Email!, to.DisplayName, lines[0], lead, [], [new MailTemplates.Button("打开", $"{Base}{lines[2]}", Primary: true)])))
            .ToList();
    }

    private MailMessageText TaskMail(AppUser to, UserTaskView task, string title, string lead, string subject)
    {
        var buttons = new List<MailTemplates.Button>();
        var isApproval = !task.CandidateGroups.Contains(Roles.Applicant) && !forms.NeedsInput(task.FormKey);
        if (isApproval)
        {
            buttons.Add(new("同意", links.Url(links.Create(task, to.Id, "approve")), Primary: true));
            buttons.Add(new("不同意", links.Url(links.Create(task, to.Id, "reject"))));
        }
        buttons.Add(new("打开待办", $"{Base}/tasks/{task.Id}"));
        var footnote = isApproval ? $"“同意”“不同意”链接仅供您本人使用，{options.Value.LinkLifetime.TotalHours:0} 小时内有效，打开后需再次确认才会办理。" : null;
        return MailTemplates.Compose(to.Email!, to.DisplayName, $"{subject}：{title} - {task.Name}", lead, Facts(title, task), buttons, footnote);
    }

    private async Task<IReadOnlyList<(AppUser, MailMessageText)>> UnassignedAsync(UserTaskView task, string title)
    {
        var admins = await people.WithRolesForAsync(task.Owner, [Roles.Administrator]);
        if (admins.Count == 0) return [];
        await engine.AddCandidatesAsync(task.Id, admins.Select(a => a.Id).ToList(), "候选组中没有可办理的人员，转由管理员办理");
        var current = await engine.Queries.GetTaskAsync(task.Id);
        return admins.Select(to => (to, TaskMail(to, current, title,
            $"此待办的候选组（{string.Join("、", task.CandidateGroups)}）中没有可办理的人员，已转给您办理或分派。", "无人办理的待办"))).ToList();
    }

    private async Task<IReadOnlyList<AppUser>> HoldersAsync(UserTaskView task)
    {
        if (task.Assignee is { } assignee) return await UsersAsync([assignee]);
        var byGroup = task.CandidateGroups.Count == 0 ? [] : await people.WithRolesForAsync(task.Owner, task.CandidateGroups.ToList());
        var byName = await UsersAsync(task.CandidateUsers);
        return byGroup.Concat(byName).DistinctBy(u => u.Id).ToList();
    }

    private async Task<IReadOnlyList<AppUser>> UsersAsync(IEnumerable<string> ids) =>
        (await people.ByIdsAsync(ids)).Values.Where(u => u.Email is not null).ToList();

    private async Task<string> CaseTitleAsync(InstanceView instance) => Cases.CaseTitles.Line(instance.Number, await titles.TitleAsync(instance));

    private static List<(string, string)> Facts(string title, UserTaskView? task)
    {
        var facts = new List<(string, string)> { ("案件", title) };
        if (task is not null)
        {
            facts.Add(("环节", task.Name ?? task.ElementId));
            if (task.DueAt is not null) facts.Add(("办理期限", Format(task.DueAt)));
        }
        return facts;
    }

    private MailTemplates.Button Open(Guid instanceId) => new("查看案件", $"{Base}/cases/{instanceId}", Primary: true);

    private string Base => options.Value.PublicUrl.TrimEnd('/');

    private static string Said(string? comment) => string.IsNullOrWhiteSpace(comment) ? "" : $"留言：{comment}";

    public static string Format(DateTime? utc) =>
        utc is { } at ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), Beijing).ToString("yyyy年M月d日 HH:mm") : "";
}
