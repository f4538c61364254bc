namespace KxHome.Workflows.Association;

/// <summary>
/// A line of a home's service ledger (服务台账): an activity held, who took part, how many enterprises it served (R6),
/// with which paired home (R7), and when its news was reported (R25). Photos and evidence are attachments of the event.
/// </summary>
public sealed class ServiceEvent
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public DateOnly HeldOn { get; set; }
    public ServiceEventCategory Category { get; set; }
    public string Title { get; set; } = "";
    /// <summary>What was done (服务（活动）内容 of table 1-3, R26).</summary>
    public string Content { get; set; } = "";

    /// <summary>The home's part in it: hosted, co-hosted or organised (主办/协办/承办 of table 1-3).</summary>
    public EventPart Part { get; set; }

    /// <summary>What it achieved (取得成效 of table 1-3).</summary>
    public string Outcome { get; set; } = "";

    public int Participants { get; set; }

    /// <summary>Enterprises served by the event (R6 counts their sum as enterprise-visits).</summary>
    public int EnterprisesServed { get; set; }

    /// <summary>For a joint activity: the paired home it was held with.</summary>
    public Guid? PairedHomeId { get; set; }

    /// <summary>When the event's news and photos were reported (UTC); null while not reported.</summary>
    public DateTime? NewsReportedAt { get; set; }

    /// <summary>When someone above the home last urged its overdue news (催办, R25); null while never.</summary>
    public DateTime? NewsUrgedAt { get; set; }

    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    /// <summary>
    /// Whether the news is late (R25): reported after the end of the <paramref name="days"/>th day after the event in the
    /// business time zone, or still not reported when that day has ended. Late news is flagged, never refused.
    /// </summary>
    public bool IsNewsLate(int days, DateTime nowUtc, TimeZoneInfo zone)
    {
        var deadline = BusinessDates.EndOfDayUtc(HeldOn.AddDays(days), zone);
        return (NewsReportedAt ?? nowUtc) > deadline;
    }

    /// <summary>Where the event's news stands at <paramref name="nowUtc"/> (R25).</summary>
    public NewsState NewsStateAt(int days, DateTime nowUtc, TimeZoneInfo zone)
    {
        var late = IsNewsLate(days, nowUtc, zone);
        return NewsReportedAt is null ? late ? NewsState.Missing : NewsState.Pending : late ? NewsState.Late : NewsState.OnTime;
    }
}
