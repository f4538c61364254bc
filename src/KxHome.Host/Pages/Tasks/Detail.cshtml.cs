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

namespace KxHome.Host.Pages.Tasks;

/// <summary>
/// A task for its approver: the case's form data, attachments, history and deadline, and every operation
/// (同意, 不同意, 退回, 补正, 委派, 转交, 加签, 抄送). Someone who may only read the case (a copy, a done task) sees it without the operations.
/// </summary>
public sealed class TaskDetailModel(
    ViewerAccessor viewers, CaseAccess access, WorkflowEngine engine, FormCatalog forms, CaseFiles files, People people,
    ApprovalDesk desk, TaskSubmission submission, CaseTitles titles, HomeCaseFacts homeFacts, TimeProvider clock) : PageModel
{
    public UserTaskView Task { get; private set; } = null!;
    public InstanceView Case { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IReadOnlyList<(string Label, string Value)> Data { get; private set; } = [];
    public IReadOnlyList<Attachment> Files { get; private set; } = [];
    public IReadOnlyList<Timeline.Entry> History { get; private set; } = [];
    public string? Due { get; private set; }
    public string? Countdown { get; private set; }
    public bool CanAct { get; private set; }
    public IReadOnlyList<PassedStep> PassedSteps { get; private set; } = [];
    public IReadOnlyList<AppUser> Approvers { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The home the case is about, with its rules: what the reviewer grades against.</summary>
    public HomeCaseFacts.Facts? Home { get; private set; }

    /// <summary>The step's own form, when it has one: the approver fills it in and submits it instead of 同意 / 不同意.</summary>
    public FormSchema? Form { get; private set; }
    public string FormData { get; private set; } = "{}";
    public IReadOnlyDictionary<string, string> FormErrors { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public ApprovalAction Action { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? Person { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var viewer = await viewers.GetAsync();
        try
        {
            var done = await desk.ActAsync(viewer, id, new ApprovalRequest(Action) { Comment = Comment, TargetElementId = Target, PersonId = Person });
            TempData["Flash"] = done;
            return Redirect("/inbox");
        }
        catch (WorkflowException e)
        {
            if (!await LoadAsync(id)) return NotFound();
            Error = e.Message;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, string? formData)
    {
        if (!await LoadAsync(id) || !CanAct || Form is null) return NotFound();
        var submitted = ParseObject(formData);
        try
        {
            var result = await submission.SubmitAsync(await viewers.GetAsync(), Task, submitted, Comment);
            if (result.Done)
            {
                TempData["Flash"] = "已提交";
                return Redirect("/inbox");
            }
            FormErrors = result.Errors;
        }
        catch (WorkflowException e)
        {
            FormErrors = new Dictionary<string, string> { [""] = e.Message };
        }
        FormData = (submitted ?? new JsonObject()).ToJsonString(FormJson.Options); // what they typed stays on the page
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await files.OpenAsync(Case.Id, fileId) is { } found
            ? File(found.Content, found.Attachment.ContentType, found.Attachment.FileName)
            : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var viewer = await viewers.GetAsync();
        if (await access.ReadableTaskAsync(viewer, id) is not { } task) return false;
        Task = task;
        Case = await engine.Queries.GetInstanceAsync(task.InstanceId);
        var model = await engine.Queries.GetModelAsync(Case.DefinitionId);
        Title = CaseTitles.Line(Case.Number, await titles.TitleAsync(Case));
        Data = CaseData.Of(forms, model, Case.Variables);
        Files = await files.ListAsync(Case.Id);
        Home = await homeFacts.OfAsync(viewer, Case);
        History = Timeline.Of(Case, await people.ByIdsAsync(Timeline.PeopleIn(Case)));
        var now = clock.GetUtcNow().UtcDateTime;
        Due = task.DueAt is { } due ? Deadline.Format(due) : null;
        Countdown = task.DueAt is { } d ? Deadline.Countdown(d, now) : null;
        CanAct = task.State == UserTaskState.Open && viewer.CanAct(task);
        if (CanAct)
        {
            Form = forms.Find(task.FormKey);
            PassedSteps = await desk.PassedStepsAsync(task);
            Approvers = (await desk.HandoverPeopleAsync(task)).Where(a => a.Id != viewer.UserId).ToList();
        }
        return true;
    }

    private static JsonObject? ParseObject(string? json)
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
