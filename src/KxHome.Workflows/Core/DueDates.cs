using System.Globalization;
using System.Text.Json.Nodes;

namespace KxHome.Workflows.Core;

/// <summary>Reads a due date written as a date-time, a date alone (the end of that day in the business time zone) or an ISO 8601 duration from now.</summary>
public static class DueDates
{
    /// <summary>The UTC instant the value means, or null when it cannot be read.</summary>
    public static DateTime? Resolve(JsonNode? value, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (IsoDuration.TryParse(text, out var duration)) return duration.AddTo(nowUtc, zone);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return EndOfDay(day, zone);
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && text.Contains('T'))
        {
            var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T');
            return hasOffset
                ? at.UtcDateTime
                : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at.DateTime, DateTimeKind.Unspecified), zone);
        }
        return null;
    }

    /// <summary>The last second of the day in the business time zone, in UTC.</summary>
    public static DateTime EndOfDay(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)), zone);
}
