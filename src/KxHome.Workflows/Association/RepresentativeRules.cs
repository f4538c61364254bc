using System.Text;

namespace KxHome.Workflows.Association;

/// <summary>The rules of the call for 科协代表之家 (seed 004) that need no database: R33's contacts, R35's plan and deadline, R36's ranking.</summary>
public static class RepresentativeRules
{
    /// <summary>How a case names its record: <c>call:{id}</c> for a call, <c>representative:{id}</c> for an application.</summary>
    public static string CallKey(Guid callId) => $"call:{callId}";

    public static string HomeKey(Guid homeId) => $"representative:{homeId}";

    /// <summary>The characters of a text as the plan's length counts them (R35): every character but whitespace.</summary>
    public static int Characters(string? text) => (text ?? "").EnumerateRunes().Count(r => !Rune.IsWhiteSpace(r));

    public static string? ProposalProblem(string? proposal, int min) => Characters(proposal) is var n && n >= min
        ? null
        : $"申报方案须不少于 {min} 字（不计空白），现为 {n} 字（R35）";

    /// <summary>Why an application filed at <paramref name="nowUtc"/> is too late for a deadline (R35), or null.</summary>
    public static string? LateProblem(DateTime nowUtc, DateOnly deadline, TimeZoneInfo zone) =>
        nowUtc < BusinessDates.EndOfDayUtc(deadline, zone)
            ? null
            : $"本年度科协代表之家申报已于{BusinessDates.Format(deadline)}截止，逾期不再受理（R35）";

    /// <summary>The longest list of representatives taken, as the application form allows.</summary>
    public const int MaxRepresentativesLength = 5000;

    /// <summary>
    /// The representatives typed one per line as <c>姓名：科技工作者1、科技工作者2……</c>; a line without a name or without
    /// the colon is a problem that names it. A representative with fewer contacts than R33 asks is kept, and flagged where shown.
    /// </summary>
    public static (IReadOnlyList<(string Name, IReadOnlyList<string> Contacts)> Representatives, string? Problem) ReadRepresentatives(string? text)
    {
        var list = new List<(string, IReadOnlyList<string>)>();
        if (text?.Length > MaxRepresentativesLength) return (list, $"代表名单最多 {MaxRepresentativesLength} 字");
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOfAny(['：', ':']);
            var name = colon > 0 ? lines[i][..colon].Trim() : "";
            if (name.Length == 0 || name.Length > 30)
            {
                return (list, $"第 {i + 1} 行“{lines[i]}”：请按“代表姓名：科技工作者1、科技工作者2”填写");
            }
            var contacts = lines[i][(colon + 1)..].Split(['、', '，', ',', ';', '；', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            list.Add((name, contacts.Distinct().ToList()));
        }
        return list.Count == 0 ? (list, "请至少填写一位代表及其联系的科技工作者（R33）") : (list, null);
    }

    /// <summary>
    /// The ranking of a call's scored applications (R36): the higher mean total first; on a tie the higher mean of the
    /// activities (the 70 points of R32), then the earlier filing.
    /// </summary>
    public static IReadOnlyList<RepresentativeHome> Ranked(IEnumerable<RepresentativeHome> homes) =>
        homes.OrderByDescending(h => h.Score).ThenByDescending(h => h.ActivityScore).ThenBy(h => h.FiledAt).ThenBy(h => h.Id).ToList();

    /// <summary>The mean of the experts' totals, to two decimals (R32).</summary>
    public static decimal Mean(IEnumerable<int> totals) => totals.ToList() is { Count: > 0 } all
        ? Math.Round((decimal)all.Sum() / all.Count, 2, MidpointRounding.AwayFromZero)
        : 0;
}
