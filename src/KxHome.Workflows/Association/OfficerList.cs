namespace KxHome.Workflows.Association;

/// <summary>
/// The officers a form names: one each of chair, secretary-general and contact in their own fields, and vice-chairs
/// and deputy secretaries-general one per line as "姓名 职务 电话".
/// </summary>
public static class OfficerList
{
    public sealed record Entry(OfficerRole Role, string Name, string Title, string Phone);

    /// <summary>The officers in order, or the first problem with a line (naming its field).</summary>
    public static (IReadOnlyList<Entry> Officers, string? Problem) Read(Func<string, string> field)
    {
        var officers = new List<Entry> { new(OfficerRole.Chair, field("chairName"), field("chairTitle"), field("chairPhone")) };
        var (vice, viceProblem) = Lines(OfficerRole.ViceChair, field("viceChairs"), "副主席");
        officers.AddRange(vice);
        officers.Add(new(OfficerRole.SecretaryGeneral, field("secretaryName"), field("secretaryTitle"), field("secretaryPhone")));
        var (deputies, deputyProblem) = Lines(OfficerRole.DeputySecretaryGeneral, field("deputySecretaries"), "副秘书长");
        officers.AddRange(deputies);
        officers.Add(new(OfficerRole.Contact, field("contactName"), field("contactTitle"), field("contactPhone")));
        var missing = officers.FirstOrDefault(o => o.Name.Length == 0);
        return (officers, viceProblem ?? deputyProblem ?? (missing is null ? null : $"{Names.Of(missing.Role)}姓名为必填项"));
    }

    private static (List<Entry>, string?) Lines(OfficerRole role, string text, string label)
    {
        var entries = new List<Entry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([' ', '\t', '　', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 3) return (entries, $"{label}“{line}”：每行写一人，格式为 姓名 职务 电话");
            // A phone may come without a title: "张三 13800001111".
            var phoneOnly = parts.Length == 2 && IsPhone(parts[1]);
            var title = parts.Length == 3 || (parts.Length == 2 && !phoneOnly) ? parts[1] : "";
            var phone = parts.Length == 3 ? parts[2] : phoneOnly ? parts[1] : "";
            entries.Add(new(role, parts[0], title, phone));
        }
        return (entries, null);
    }

    private static bool IsPhone(string text) => text.Length >= 6 && text.All(c => char.IsAsciiDigit(c) || c is '-' or '+');
}
