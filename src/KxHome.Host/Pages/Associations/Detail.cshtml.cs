using KxHome.Host.Associations;
using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Reports;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Associations;

/// <summary>
/// One association: who it is and how it was founded (R19), its officers and members, its terms with their documents
/// and filing (R20–R24), the next 换届 with a countdown, nominations while they are collected (R23), and, for its
/// secretariat, starting the 换届 early with a reason (R20).
/// </summary>
public sealed class AssociationDetailModel(
    ViewerAccessor viewers, AssociationDirectory directory, AssociationRegistry registry, WorkflowEngine engine, HomeAccess homes, NewsDesk news) : PageModel
{
    public AssociationDirectory.File Record { get; private set; } = null!;
    public Viewer Viewer { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The news on time of the association's homes (R25), the overdue ones with who to urge.</summary>
    public NewsPanel News { get; private set; } = null!;

    public bool Waiting => Record.Renewal is { Status: InstanceStatus.Active } r && r.ActiveElements.Any(a => a.ElementId == "opens");

    public bool Collecting => Record.Renewal is { Status: InstanceStatus.Active } r && r.ActiveElements.Any(a => a.ElementId == "nominationsClose");

    public string? NominationsClose => Record.Renewal is { } r ? VariableValues.Text(r.Variables, "nominationsCloseOn") : null;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNominateAsync(Guid id, NominationKind kind, string? name, string? unit, string? reason)
    {
        if (!await LoadAsync(id) || !AssociationDirectory.MayNominate(Viewer, Record.Association) || Record.Renewal is null) return NotFound();
        Problem = await registry.NominateAsync(Record.Association, Record.Renewal.Id, kind, name ?? "", unit ?? "", reason ?? "", Viewer.UserId);
        if (Problem is not null) return Page();
        TempData["Flash"] = $"已推荐{Names.Of(kind)}：{name?.Trim()}";
        return Redirect($"/associations/{id}");
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id, string? reason)
    {
        if (!await LoadAsync(id) || !AssociationDirectory.ActsFor(Viewer, Record.Association)) return NotFound();
        Problem = await AssociationsApi.StartEarlyAsync(Record.Association, reason, registry, engine, Viewer.UserId);
        if (Problem is not null) return Page();
        TempData["Flash"] = "已启动换届，请到案件页面上传筹备材料";
        return Redirect($"/associations/{id}");
    }

    /// <summary>导出 Excel: one of the page's lists (officers of every term, nominations, overdue news) as an .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? list)
    {
        if (!await LoadAsync(id)) return NotFound();
        var sheet = list switch
        {
            "officers" => Sheet.List("届次和组成人员", ["届次", "职务", "姓名", "职务/职称", "电话"],
                Record.Terms.SelectMany(t => t.Officers.Select(o => (IReadOnlyList<object?>)[$"第{t.Term.Number}届", Names.Of(o.Role), o.Name, o.Title, o.Phone]))),
            "nominations" => Sheet.List("推荐", ["类别", "姓名", "单位", "推荐理由", "时间"],
                Record.Nominations.Select(n => (IReadOnlyList<object?>)[Names.Of(n.Kind), n.Name, n.Unit, n.Reason, n.At.ToString("yyyy-MM-dd")])),
            "news" => Sheet.List("逾期未报新闻", ["之家", "活动", "活动日期", "应报送日期", "已催办"],
                News.Homes.SelectMany(h => h.Overdue.Select(o => (IReadOnlyList<object?>)[h.Home.Name, o.Event.Title, o.Event.HeldOn.ToString("yyyy-MM-dd"),
                    o.DueOn.ToString("yyyy-MM-dd"), o.Event.NewsUrgedAt is { } at ? Deadline.Format(at) : ""]))),
            _ => null,
        };
        if (sheet is null) return NotFound();
        return File(XlsxWriter.Bytes([sheet]), XlsxWriter.ContentType, $"{Record.Association.Name}-{sheet.Name}.xlsx");
    }

    /// <summary>"还有 123 天" or "已过 5 天".</summary>
    public string Countdown(DateOnly day) => Deadline.Countdown(day, Today);

    private async Task<bool> LoadAsync(Guid id)
    {
        Viewer = await viewers.GetAsync();
        Today = registry.Today;
        if (await directory.FileAsync(Viewer, id) is not { } file) return false;
        Record = file;
        var own = await homes.Visible(Viewer).Where(h => h.OrganisationId == file.Association.OrganisationId
            && (h.Status == HomeStatus.Active || h.Status == HomeStatus.Rectifying)).OrderBy(h => h.Name).ToListAsync();
        News = new NewsPanel(await news.ForAsync(own), Viewer, $"/associations/{id}#news", $"/associations/{id}/export?list=news");
        return true;
    }
}
