using System.Text.Json.Nodes;
using System.Text.Json;
using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Cases;

/// <summary>
/// 申报审批表: a certification application laid out as the paper form, with blank blocks for each level's opinion,
/// signature and seal — printed, signed, stamped and filed on paper beside the case.
/// </summary>
public sealed class CasePrintModel(ViewerAccessor viewers, CaseAccess access, AppDbContext db) : PageModel
{
    /// <summary>"六有" as the application form names them (its <c>sixHaves</c> values).</summary>
    private static readonly (string Value, string Label)[] SixHaveLabels =
    [
        ("place", "有固定场所"), ("facilities", "有服务设施"), ("staff", "有工作人员"),
        ("funding", "有经费保障"), ("activities", "有活动内容"), ("rules", "有管理制度"),
    ];

    public Guid CaseId { get; private set; }
    public HomeApplication Application { get; private set; } = null!;
    public string Organisation { get; private set; } = "";
    public string Plan { get; private set; } = "";
    public string? Year { get; private set; }
    public DateTime StartedAt { get; private set; }

    /// <summary>Each of the six with whether the application declares it.</summary>
    public IReadOnlyList<(string Label, bool Declared)> SixHaves { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var instance = await access.CaseAsync(await viewers.GetAsync(), id);
        if (instance is null || instance.DefinitionKey != CertificationStart.Key) return NotFound();
        CaseId = id;
        StartedAt = instance.StartedAt;
        Application = HomeApplication.From(instance.Variables);
        Plan = VariableValues.Text(instance.Variables, "plan");
        Year = VariableValues.Text(instance.Variables, "callYear") is { Length: > 0 } year ? year : null;
        var declared = instance.Variables.GetValueOrDefault("sixHaves") is JsonArray list ? list.Select(v => v?.ToString()).ToHashSet() : [];
        SixHaves = SixHaveLabels.Select(s => (s.Label, declared.Contains(s.Value))).ToList();
        Organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == instance.Owner).Select(o => o.Name).FirstOrDefaultAsync()
            ?? instance.Owner ?? "";
        return Page();
    }
}
