namespace KxHome.Workflows.Association;

/// <summary>
/// What the district's money may be used for: the construction grant only for the place (equipment, decoration, signs;
/// R16), the award only for facilities and services (R17); never wages or welfare. And what the builder owes in matching
/// funds (R18).
/// </summary>
public static class FundingRules
{
    private static readonly string[] WageWords = ["工资", "薪", "福利", "奖金", "补贴发放", "劳务费", "津贴", "社保", "wage", "salary"];

    /// <summary>The refusal of a purpose the money may not be used for, or null.</summary>
    public static string? PurposeProblem(FundingKind kind, string purpose)
    {
        if (purpose.Trim().Length == 0) return "请写明资金用途";
        if (!WageWords.Any(w => purpose.Contains(w, StringComparison.OrdinalIgnoreCase))) return null;
        return kind == FundingKind.ConstructionGrant
            ? $"R16：建设资助只能用于阵地建设（设备购置、环境氛围布置、标识制作等），不得用于人员工资福利；用途 “{purpose}” 不予登记"
            : $"R17：考核奖励只能用于升级服务设施、拓展特色服务，不得用于人员工资福利；用途 “{purpose}” 不予登记";
    }

    /// <summary>The matching funds owed by the end of a year: the district's grants and awards so far times the set percentage (R18).</summary>
    public static long MatchingOwedFen(IEnumerable<FundingEntry> entries, int throughYear, int percent) =>
        entries.Where(e => e.Kind != FundingKind.MatchingFunds && e.Year <= throughYear).Sum(e => e.AmountFen) * percent / 100;

    /// <summary>What the builder is short of its matching funds, or 0 (R18).</summary>
    public static long MatchingShortfallFen(IReadOnlyCollection<FundingEntry> entries, int throughYear, int percent) =>
        Math.Max(0, MatchingOwedFen(entries, throughYear, percent)
                    - entries.Where(e => e.Kind == FundingKind.MatchingFunds && e.Year <= throughYear).Sum(e => e.AmountFen));
}
