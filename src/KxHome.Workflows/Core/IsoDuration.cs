using System.Globalization;
using System.Text.RegularExpressions;

namespace KxHome.Workflows.Core;

/// <summary>
/// An ISO 8601 duration such as <c>P1Y2M10DT2H30M</c> or <c>P2W</c>. Years, months and days are calendar
/// units added in the business time zone (P1Y from 29 February lands on 28 February); the time part is exact.
/// </summary>
public sealed partial record IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    /// <summary>Reads the text; false when it is not an ISO 8601 duration.</summary>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = new IsoDuration(0, 0, 0, TimeSpan.Zero);
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success) || text!.TrimEnd().EndsWith('T')) return false;
        int Whole(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        duration = new IsoDuration(Whole("y"), Whole("mo"), Whole("d") + 7 * Whole("w"),
            TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("mi")) + TimeSpan.FromSeconds(Part("s")));
        return true;
    }

    /// <summary>The instant this duration after <paramref name="fromUtc"/>, counting calendar units in <paramref name="zone"/>.</summary>
    public DateTime AddTo(DateTime fromUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone);
        var shifted = local.AddYears(Years).AddMonths(Months).AddDays(Days);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(shifted, DateTimeKind.Unspecified), zone) + Time;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:[.,]\d+)?)H)?(?:(?<mi>\d+(?:[.,]\d+)?)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex Pattern();
}
