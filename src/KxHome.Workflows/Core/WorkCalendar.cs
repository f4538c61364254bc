using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace KxHome.Workflows.Core;

/// <summary>
/// Working days in mainland China: Monday to Friday, except the State Council's public holidays, plus its 调休
/// make-up working days on weekends. One data file per year in the calendar folder; a year without a file follows
/// the plain weekday pattern, and <see cref="HasYear"/> says so, so the pages can warn administrators.
/// </summary>
public sealed class WorkCalendar
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string? _folder;
    private readonly ConcurrentDictionary<int, CalendarYear> _years = new();
    private readonly ConcurrentDictionary<int, (HashSet<DateOnly> Off, HashSet<DateOnly> Work)> _days = new();

    /// <summary>A calendar with the years in the folder (none when the folder is null or missing).</summary>
    public WorkCalendar(string? folder)
    {
        _folder = folder;
        if (folder is null || !Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var year = JsonSerializer.Deserialize<CalendarYear>(File.ReadAllText(file), Json)
                ?? throw new InvalidDataException($"{file} is empty");
            Add(Validate(year, file));
        }
    }

    /// <summary>The years with published data, in order.</summary>
    public IReadOnlyList<CalendarYear> Years => _years.Values.OrderBy(y => y.Year).ToList();

    /// <summary>Whether the year's holidays and make-up days are known.</summary>
    public bool HasYear(int year) => _years.ContainsKey(year);

    /// <summary>Whether people work on that day.</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_days.TryGetValue(day.Year, out var year))
        {
            if (year.Work.Contains(day)) return true;
            if (year.Off.Contains(day)) return false;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The <paramref name="days"/>th working day after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>How many working days fall after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    /// <summary>
    /// The end (23:59:59 in the business time zone, as UTC) of the <paramref name="days"/>th working day after the
    /// local day of <paramref name="nowUtc"/>: "within 3 working days" of an event.
    /// </summary>
    public DateTime DueAfterWorkingDays(DateTime nowUtc, int days, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        return DueDates.EndOfDay(AddWorkingDays(today, days), zone);
    }

    /// <summary>Enters or replaces a year's data (when the State Council publishes it) and saves its file.</summary>
    public void SaveYear(CalendarYear year)
    {
        Validate(year, $"{year.Year}.json");
        if (_folder is not null)
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, $"{year.Year}.json"), JsonSerializer.Serialize(year, Json) + "\n");
        }
        Add(year);
    }

    private void Add(CalendarYear year)
    {
        _days[year.Year] = (year.Holidays.SelectMany(h => h.Dates).ToHashSet(), year.MakeUpWorkdays.Select(w => w.Date).ToHashSet());
        _years[year.Year] = year;
    }

    private static CalendarYear Validate(CalendarYear year, string source)
    {
        var outside = year.Holidays.SelectMany(h => h.Dates).Concat(year.MakeUpWorkdays.Select(w => w.Date))
            .FirstOrDefault(d => d.Year != year.Year);
        if (outside != default)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: {outside:yyyy-MM-dd} 不在 {year.Year} 年内"));
        }
        var weekday = year.MakeUpWorkdays.FirstOrDefault(w => w.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        if (weekday is not null)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: 调休上班日 {weekday.Date:yyyy-MM-dd} 不是周末"));
        }
        return year;
    }
}

/// <summary>One year of the State Council's holiday arrangement, and the notice it comes from.</summary>
public sealed record CalendarYear(int Year, string Notice, IReadOnlyList<Holiday> Holidays, IReadOnlyList<MakeUpWorkday> MakeUpWorkdays);

/// <summary>A public holiday and every date it rests, weekends inside it included.</summary>
public sealed record Holiday(string Name, IReadOnlyList<DateOnly> Dates);

/// <summary>A weekend day worked to make up for a holiday (调休上班).</summary>
public sealed record MakeUpWorkday(DateOnly Date, string Name);
