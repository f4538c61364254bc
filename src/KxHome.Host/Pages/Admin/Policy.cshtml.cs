using System.Globalization;
using KxHome.Host.Cases;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Admin;

/// <summary>
/// 规则设置: an administrator sets a rule set's numbers for one year (money in yuan, days as MM-dd) over the seeds'
/// defaults. Past assessments keep the figures and results they were confirmed with, so a change never rewrites them.
/// </summary>
public sealed class PolicyModel(ViewerAccessor viewers, PolicyBook policies, HomeDirectory directory) : PageModel
{
    public RuleSet RuleSet { get; private set; }
    public int Year { get; private set; }
    public Policy Current { get; private set; } = null!;
    public Policy Defaults => Policy.Defaults(RuleSet, Year);

    /// <summary>The settings of the rules this rule set applies.</summary>
    public IReadOnlyList<PolicyKey> Keys => PolicyKeys.All.Where(k => RuleBook.Applies(RuleSet, k.RuleId)).ToList();

    /// <summary>What is in each input: the stored value, or what was typed when a save was refused.</summary>
    public IReadOnlyDictionary<string, string?> Typed { get; private set; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string? ruleSet, int? year)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        await LoadAsync(ruleSet, year);
        Typed = Keys.ToDictionary(k => k.Key, k => (string?)InputValue(Current, k));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? ruleSet, int? year, Dictionary<string, string?> values)
    {
        var viewer = await viewers.GetAsync();
        if (!viewer.IsAdministrator) return NotFound();
        await LoadAsync(ruleSet, year);
        // Only the settings this rule set shows, as posted; anything else posted is ignored.
        var typed = Keys.Where(k => values.ContainsKey(k.Key)).ToDictionary(k => k.Key, k => values[k.Key]);
        Errors = await policies.SaveAsync(RuleSet, Year, typed, viewer.UserId);
        if (Errors.Count > 0)
        {
            Typed = Keys.ToDictionary(k => k.Key, k => typed.TryGetValue(k.Key, out var text) ? text : InputValue(Current, k));
            return Page();
        }
        TempData["Flash"] = $"已保存{Names.Of(RuleSet)} {Year} 年度的设置";
        return Redirect($"/admin/policy?ruleSet={RuleSet}&year={Year}");
    }

    /// <summary>A setting as it is typed: yuan for money, MM-dd for a day, the number otherwise.</summary>
    public static string InputValue(Policy policy, PolicyKey key) => key.Kind == PolicyValueKind.Fen
        ? (policy.Number(key) / 100m).ToString("0.##", CultureInfo.InvariantCulture)
        : policy.Text(key);

    private async Task LoadAsync(string? ruleSet, int? year)
    {
        RuleSet = Enum.TryParse<RuleSet>(ruleSet, ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : RuleSet.Jiading;
        Year = year is >= 2000 and <= 2100 ? year.Value : directory.ThisYear;
        Current = await policies.ForAsync(RuleSet, Year);
    }
}
