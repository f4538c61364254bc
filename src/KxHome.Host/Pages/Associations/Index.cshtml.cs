using KxHome.Host.Associations;
using KxHome.Host.Cases;
using KxHome.Host.Reports;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Associations;

/// <summary>
/// 园企科协: the associations the viewer may see with their term and next 换届 (R20), the cultivation paths of the homes
/// in the area (R10–R12), and the 换届 results filed with the viewer's own association (R20).
/// </summary>
public sealed class AssociationsIndexModel(ViewerAccessor viewers, AssociationDirectory directory, AssociationRegistry registry) : PageModel
{
    public IReadOnlyList<AssociationDirectory.Row> Rows { get; private set; } = [];
    public IReadOnlyList<AssociationDirectory.PathRow> Paths { get; private set; } = [];
    public IReadOnlyList<(AssociationTerm Term, string Association)> Filed { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = await viewers.GetAsync();
        Rows = await directory.ListAsync(viewer);
        Paths = await directory.PathsAsync(viewer);
        Filed = await directory.FiledWithAsync(viewer);
        Today = registry.Today;
        return Page();
    }

    /// <summary>导出 Excel: one of the page's lists (associations, paths, filed) as an .xlsx with the page's columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? list)
    {
        await OnGetAsync();
        var sheet = list switch
        {
            "associations" => Sheet.List("科协", ["科协", "类型", "状态", "所属单位", "本届", "届期开始", "届期结束", "主席", "下次换届"],
                Rows.Select(r => (IReadOnlyList<object?>)[r.Association.Name, Names.Of(r.Association.Kind), Names.Of(r.Association.Status), r.Organisation,
                    r.Term is { } t ? $"第{t.Number}届" : "", Day(r.Term?.StartsOn), Day(r.Term?.EndsOn), r.Chair ?? "", Day(r.RenewalOpensOn)])),
            "paths" => Sheet.List("培育路径", ["之家", "所属单位", "阶段", "起步", "指导服务（次）", "基础核验", "结果"],
                Paths.Select(p => (IReadOnlyList<object?>)[p.HomeName, p.Organisation, Names.Of(p.Path.Stage), Day(p.Path.LaunchedOn), p.Guidance,
                    string.Join("；", p.Verifications.Select(v => $"{v.Year} 年{(v.Passed ? "通过" : "未通过")}")),
                    p.Path.AssociationId is null ? p.Path.EndReason ?? "进行中" : "已成立科协"])),
            "filed" => Sheet.List("换届备案", ["科协", "届次", "大会日期", "届期开始", "届期结束", "备案日期", "说明"],
                Filed.Select(f => (IReadOnlyList<object?>)[f.Association, $"第{f.Term.Number}届", Day(f.Term.CongressOn), Day(f.Term.StartsOn),
                    Day(f.Term.EndsOn), Day(f.Term.FiledOn), f.Term.TimingReason ?? ""])),
            _ => null,
        };
        if (sheet is null) return NotFound();
        return File(XlsxWriter.Bytes([sheet]), XlsxWriter.ContentType, $"园企科协-{sheet.Name}.xlsx");
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? "";

    /// <summary>"还有 123 天" or "已过 5 天".</summary>
    public string Countdown(DateOnly day) => Deadline.Countdown(day, Today);
}
