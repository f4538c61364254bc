namespace KxHome.Workflows.Association;

/// <summary>
/// The rules of an association's terms (R20): 3–5 years as the charter says, otherwise with a reason; the renewal
/// opens a set number of months before the term's end; one held before that, or a congress after the end, keeps why.
/// </summary>
public static class TermRules
{
    public const int ShortestYears = 3;
    public const int LongestYears = 5;

    /// <summary>Why a term of this length cannot be recorded, or null: outside 3–5 years it needs a reason.</summary>
    public static string? LengthProblem(int years, string? reason)
    {
        if (years is < 1 or > 10) return "届期须为 1 至 10 年";
        if (years is >= ShortestYears and <= LongestYears) return null;
        return string.IsNullOrWhiteSpace(reason) ? $"届期 {years} 年不在 3–5 年之间，须说明理由（R20）" : null;
    }

    /// <summary>The term's last day: one day before the same date <paramref name="years"/> later.</summary>
    public static DateOnly EndsOn(DateOnly startsOn, int years) => startsOn.AddYears(years).AddDays(-1);

    /// <summary>The day the renewal opens: <paramref name="leadMonths"/> before the term's last day.</summary>
    public static DateOnly RenewalOpensOn(DateOnly endsOn, int leadMonths) => endsOn.AddMonths(-leadMonths);

    /// <summary>A renewal started by hand before it opens needs a reason (R20).</summary>
    public static string? EarlyProblem(DateOnly today, DateOnly opensOn, string? reason) =>
        today < opensOn && string.IsNullOrWhiteSpace(reason) ? $"换届原定 {BusinessDates.Format(opensOn)} 开始筹备，提前换届须说明理由（R20）" : null;

    /// <summary>A congress after the term's last day is a late renewal and needs a reason (R20).</summary>
    public static string? LateProblem(DateOnly congressOn, DateOnly endsOn, string? reason) =>
        congressOn > endsOn && string.IsNullOrWhiteSpace(reason) ? $"本届已于 {BusinessDates.Format(endsOn)} 届满，延期换届须说明理由（R20）" : null;
}
