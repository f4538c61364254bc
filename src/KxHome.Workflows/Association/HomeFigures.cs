namespace KxHome.Workflows.Association;

/// <summary>
/// A home's figures for one year, computed from its ledgers as of a day: what the rules (<see cref="RuleBook"/>) are
/// checked against, on pages while the year runs and in the assessment once confirmed.
/// </summary>
public sealed record HomeFigures
{
    public int Year { get; init; }
    public DateOnly AsOf { get; init; }
    public int InnovationEvents { get; init; }
    public int OutreachEvents { get; init; }
    public int TotalEvents { get; init; }
    public int CrossEnterpriseExchanges { get; init; }
    public int EnterpriseVisits { get; init; }
    public int JointActivities { get; init; }
    public int Participants { get; init; }
    public int DemandsRaised { get; init; }
    public int DemandsResponded { get; init; }

    /// <summary>Months of the year that count (from designation, up to the last whole month before <see cref="AsOf"/>).</summary>
    public int MonthsCounted { get; init; }

    /// <summary>Of those months, how many had at least the minimum number of events (R31).</summary>
    public int MonthsWithEnoughEvents { get; init; }

    /// <summary>Events with fewer participants than the minimum (R31).</summary>
    public int EventsBelowMinParticipants { get; init; }

    /// <summary>Monthly reports that were due by <see cref="AsOf"/>, and those of them submitted (R8).</summary>
    public int MonthlyReportsDue { get; init; }
    public int MonthlyReportsSubmitted { get; init; }
    public IReadOnlyList<int> MissingReportMonths { get; init; } = [];

    /// <summary>Events whose news was reported late or not yet, past the time allowed (R25).</summary>
    public int LateNews { get; init; }

    /// <summary>The response rate in percent (R4); a year without requests has answered them all.</summary>
    public int ResponseRatePercent => DemandsRaised == 0 ? 100 : (int)Math.Floor(100.0 * DemandsResponded / DemandsRaised);

    public static bool IsInnovation(ServiceEventCategory category) => category is ServiceEventCategory.TechSalon
        or ServiceEventCategory.SupplyChainMatching or ServiceEventCategory.PatentTraining or ServiceEventCategory.OtherInnovation
        or ServiceEventCategory.CrossEnterpriseExchange;

    public static bool IsOutreach(ServiceEventCategory category) =>
        category is ServiceEventCategory.PartyBuilding or ServiceEventCategory.SciencePopularisation;

    /// <summary>Computes the figures of <paramref name="year"/> from the home's ledgers as of the instant <paramref name="nowUtc"/>.</summary>
    public static HomeFigures Of(Home home, int year, IEnumerable<ServiceEvent> events, IEnumerable<Demand> demands,
        IEnumerable<MonthlyReport> reports, Policy policy, DateTime nowUtc, TimeZoneInfo zone)
    {
        var asOf = BusinessDates.Today(nowUtc, zone);
        var held = events.Where(e => e.HeldOn.Year == year && e.HeldOn <= asOf).ToList();
        var raised = demands.Where(d => d.RaisedOn.Year == year).ToList();
        var months = CountedMonths(home, year, asOf);
        var minPerMonth = policy.Int(PolicyKeys.MinEventsPerMonth);
        var minParticipants = policy.Int(PolicyKeys.MinParticipantsPerEvent);
        var dueDay = policy.Int(PolicyKeys.MonthlyReportDueDay);
        var submitted = reports.Where(r => r.Year == year).Select(r => r.Month).ToHashSet();
        var reportsDue = ReportMonths(home, year, asOf, dueDay);
        var newsDays = policy.Int(PolicyKeys.NewsReportDays);
        return new HomeFigures
        {
            Year = year,
            AsOf = asOf,
            InnovationEvents = held.Count(e => IsInnovation(e.Category)),
            OutreachEvents = held.Count(e => IsOutreach(e.Category)),
            TotalEvents = held.Count,
            CrossEnterpriseExchanges = held.Count(e => e.Category == ServiceEventCategory.CrossEnterpriseExchange),
            EnterpriseVisits = held.Sum(e => e.EnterprisesServed),
            JointActivities = held.Count(e => e.Category == ServiceEventCategory.JointActivity && e.PairedHomeId is not null),
            Participants = held.Sum(e => e.Participants),
            DemandsRaised = raised.Count,
            DemandsResponded = raised.Count(d => d.RespondedOn is not null),
            MonthsCounted = months.Count,
            MonthsWithEnoughEvents = months.Count(m => held.Count(e => e.HeldOn.Month == m) >= minPerMonth),
            EventsBelowMinParticipants = held.Count(e => e.Participants < minParticipants),
            MonthlyReportsDue = reportsDue.Count,
            MonthlyReportsSubmitted = reportsDue.Count(submitted.Contains),
            MissingReportMonths = reportsDue.Where(m => !submitted.Contains(m)).ToList(),
            LateNews = held.Count(e => e.IsNewsLate(newsDays, nowUtc, zone)),
        };
    }

    /// <summary>Whole months of the year before <paramref name="asOf"/>, from the month after designation when it fell in that year.</summary>
    private static List<int> CountedMonths(Home home, int year, DateOnly asOf)
    {
        var first = home.DesignatedOn is { } on && on.Year == year ? on.Month + 1 : home.DesignatedOn?.Year > year ? 13 : 1;
        var last = asOf.Year > year ? 12 : asOf.Year == year ? asOf.Month - 1 : 0;
        return first > last ? [] : Enumerable.Range(first, last - first + 1).ToList();
    }

    /// <summary>Months of the year whose report was due (on <paramref name="dueDay"/> of the month after) before <paramref name="asOf"/>.</summary>
    private static List<int> ReportMonths(Home home, int year, DateOnly asOf, int dueDay)
    {
        var first = home.DesignatedOn is { } on && on.Year == year ? on.Month : home.DesignatedOn?.Year > year ? 13 : 1;
        var months = new List<int>();
        for (var month = first; month <= 12; month++)
        {
            var next = new DateOnly(year, month, 1).AddMonths(1);
            var due = next.AddDays(Math.Clamp(dueDay, 1, DateTime.DaysInMonth(next.Year, next.Month)) - 1);
            if (due < asOf) months.Add(month);
        }
        return months;
    }
}
