using System.Text.Json.Nodes;
using KxHome.Host.Cases;
using KxHome.Host.Forms;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Cases;

/// <summary>
/// One case for its applicant: where it stands, deadlines with time left, the timeline, attachments, and, when a
/// step is theirs (申报 or 补正), the form to fill in, save as a draft and submit; withdrawing and urging.
/// </summary>
public sealed class CaseDetailModel(
    ViewerAccessor viewers, CaseAccess access, WorkflowEngine engine, FormCatalog forms, CaseFiles files, People people,
    ApprovalDesk desk, TaskSubmission submission, CaseTitles titles, AppDbContext db, HomeCaseFacts homeFacts, TimeProvider clock) : PageModel
{
    public sealed record OpenStep(UserTaskView Task, string Holder, string? Due, string? Countdown);

    public InstanceView Case { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string Status { get; private set; } = "";
    public IReadOnlyList<OpenStep> Steps { get; private set; } = [];
    public IReadOnlyList<(string Name, string Due, string? Countdown)> Deadlines { get; private set; } = [];
    public IReadOnlyList<Timeline.Entry> History { get; private set; } = [];
    public IReadOnlyList<Attachment> Files { get; private set; } = [];

    /// <summary>What the applicant's side submitted on its steps, read-only (the open step's form shows it editable).</summary>
    public IReadOnlyList<(string Label, string Value)> Submitted { get; private set; } = [];

    /// <summary>The step the viewer fills in now, its form, and the data to show in it.</summary>
    public UserTaskView? MyTask { get; private set; }
    public FormSchema? Form { get; private set; }
    public string FormData { get; private set; } = "{}";
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public bool CorrectionAsked { get; private set; }
    public string? CorrectionComment { get; private set; }
    public bool CanWithdraw { get; private set; }
    public Viewer Viewer { get; private set; } = null!;

    /// <summary>The home the case is about, with its rules; null for a case about no home.</summary>
    public HomeCaseFacts.Facts? Home { get; private set; }

    public bool IsCertification => Case.DefinitionKey == CertificationStart.Key;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid id, Guid taskId, string? formData)
    {
        if (!await LoadAsync(id) || MyTask?.Id != taskId || Form is null) return NotFound();
        var check = FormValidator.Check(Form, Parse(formData));
        var draft = await db.Drafts.FindAsync(taskId) ?? db.Drafts.Add(new Draft { TaskId = taskId }).Entity;
        draft.Data = check.Data.ToJsonString(FormJson.Options);
        draft.SavedBy = Viewer.UserId;
        draft.SavedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] = "草稿已保存";
        return Redirect($"/cases/{id}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, Guid taskId, string? formData)
    {
        if (!await LoadAsync(id) || MyTask?.Id != taskId || Form is null) return NotFound();
        var submitted = Parse(formData);
        try
        {
            var result = await submission.SubmitAsync(Viewer, MyTask, submitted, CorrectionAsked ? "补正后重新提交" : null);
            if (!result.Done)
            {
                Errors = result.Errors;
                FormData = (submitted ?? new JsonObject()).ToJsonString(FormJson.Options); // what they typed stays on the page
                return Page();
            }
        }
        catch (WorkflowException e)
        {
            Errors = new Dictionary<string, string> { [""] = e.Message };
            FormData = (submitted ?? new JsonObject()).ToJsonString(FormJson.Options);
            return Page();
        }
        if (await db.Drafts.FindAsync(taskId) is { } draft)
        {
            db.Drafts.Remove(draft);
            await db.SaveChangesAsync();
        }
        TempData["Flash"] = "已提交";
        return Redirect($"/cases/{id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, List<IFormFile> uploads, string? slot)
    {
        if (!await LoadAsync(id) || !Viewer.IsApplicant || Case.Status != InstanceStatus.Active) return NotFound();
        var problems = new List<string>();
        foreach (var upload in uploads)
        {
            var (_, problem) = await files.SaveAsync(id, upload, Viewer.UserId, Form?.Documents.Any(d => d.Key == slot) == true ? slot : null);
            if (problem is not null) problems.Add(problem);
        }
        TempData["Flash"] = problems.Count > 0 ? string.Join("；", problems) : uploads.Count == 0 ? "请选择文件" : "附件已上传";
        return Redirect($"/cases/{id}");
    }

    /// <summary>
    /// Removes a wrongly uploaded file while the applicant's step (申报 or 补正) is open; once submitted, the files
    /// are what the approvers review and stay.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteFileAsync(Guid id, Guid fileId)
    {
        if (!await LoadAsync(id) || !CanDeleteFiles) return NotFound();
        var name = Files.FirstOrDefault(f => f.Id == fileId)?.FileName;
        TempData["Flash"] = await files.DeleteAsync(id, fileId) ? $"附件 “{name}” 已删除" : "该附件已不存在";
        return Redirect($"/cases/{id}");
    }

    /// <summary>Whether the viewer may remove files now: an applicant whose step is open.</summary>
    public bool CanDeleteFiles => Viewer.IsApplicant && MyTask is not null;

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await files.OpenAsync(id, fileId) is { } found
            ? File(found.Content, found.Attachment.ContentType, found.Attachment.FileName)
            : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason)
    {
        if (!await LoadAsync(id) || !Viewer.IsApplicant) return NotFound();
        try
        {
            await desk.WithdrawAsync(Viewer, Case, reason);
            TempData["Flash"] = "申报已撤回";
        }
        catch (WorkflowException e)
        {
            TempData["Flash"] = e.Message;
        }
        return Redirect($"/cases/{id}");
    }

    public async Task<IActionResult> OnPostUrgeAsync(Guid id, Guid taskId, string? comment)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await desk.UrgeAsync(Viewer, taskId, comment);
            TempData["Flash"] = "已催办，办理人会收到提醒";
        }
        catch (WorkflowException e)
        {
            TempData["Flash"] = e.Message;
        }
        return Redirect($"/cases/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Viewer = await viewers.GetAsync();
        if (await access.CaseAsync(Viewer, id) is not { } instance) return false;
        Case = instance;
        var model = await engine.Queries.GetModelAsync(instance.DefinitionId);
        Title = CaseTitles.Line(instance.Number, await titles.TitleAsync(instance));
        Status = instance.Status == InstanceStatus.Active ? "办理中" : "已办结：" + Mail.NoticeMails.Outcome(instance);
        var open = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = id });
        var names = await people.ByIdsAsync(Timeline.PeopleIn(instance).Concat(open.Select(t => t.Assignee)));
        var now = clock.GetUtcNow().UtcDateTime;
        Steps = open.Select(t => new OpenStep(t,
            t.Assignee is not null ? People.NameOf(names, t.Assignee) : string.Join("、", t.CandidateGroups.Select(CasesIndexModel.GroupName)),
            t.DueAt is { } due ? Deadline.Format(due) : null, t.DueAt is { } d ? Deadline.Countdown(d, now) : null)).ToList();
        Deadlines = (await engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = id }))
            .Select(t => (Name: t.ElementName ?? t.ElementId, Due: t.PausedAt is null ? Deadline.Format(t.DueAt) : "暂停计时中",
                Countdown: (string?)(t.PausedAt is null ? Deadline.Countdown(t.DueAt, now) : $"剩余 {t.Remaining?.TotalDays:0.#} 天")))
            .ToList();
        History = Timeline.Of(instance, names);
        Files = await files.ListAsync(id);
        Submitted = CaseData.Of(forms, model, instance.Variables, ApprovalDesk.IsApplicantStep);
        Home = await homeFacts.OfAsync(Viewer, instance);
        MyTask = open.FirstOrDefault(t => Viewer.CanAct(t) && forms.Find(t.FormKey) is not null);
        if (MyTask is not null)
        {
            Form = forms.Find(MyTask.FormKey);
            var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.TaskId == MyTask.Id);
            FormData = draft?.Data ?? FormValidator.Check(Form!, ToObject(instance.Variables)).Data.ToJsonString(FormJson.Options);
            var correction = instance.History.LastOrDefault(h => h.Kind is HistoryKind.CorrectionRequested or HistoryKind.TaskCreated && h.ElementId != MyTask.ElementId);
            CorrectionAsked = correction?.Kind == HistoryKind.CorrectionRequested;
            CorrectionComment = correction?.Comment;
        }
        CanWithdraw = await desk.MayWithdrawAsync(Viewer, instance);
        return true;
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var data = new JsonObject();
        foreach (var (key, value) in variables) data[key] = value?.DeepClone();
        return data;
    }

    private static JsonObject? Parse(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
