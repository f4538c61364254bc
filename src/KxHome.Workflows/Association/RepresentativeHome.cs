namespace KxHome.Workflows.Association;

/// <summary>
/// A 科协代表之家 applied for in a call (seed 004): the applying organisation and its home, the experts' mean score and
/// the rank it gave (R32, R36), and, once designated, how long the designation holds (R36). Its representatives and
/// yearly assessments are rows of their own.
/// </summary>
public sealed class RepresentativeHome
{
    public Guid Id { get; set; }
    public Guid CallId { get; set; }

    /// <summary>The applying organisation (a city association, a provincial society or an enterprise association, R34).</summary>
    public string OrganisationId { get; set; } = "";

    public string Name { get; set; } = "";
    public string Place { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public RepresentativeHomeStatus Status { get; set; }

    /// <summary>The plan's length, whitespace not counted (R35).</summary>
    public int ProposalCharacters { get; set; }

    /// <summary>When the application was first filed (a 补正 later does not move it); breaks a tie in the ranking.</summary>
    public DateTime FiledAt { get; set; }

    /// <summary>When the province's office found it complete and sent it to the experts; null before (or while 补正).</summary>
    public DateTime? CheckedAt { get; set; }

    /// <summary>The mean of the experts' totals (R32), two decimals; null until every expert scored.</summary>
    public decimal? Score { get; set; }

    /// <summary>The mean of the experts' activity points (the 70 of R32); breaks a tie in the ranking.</summary>
    public decimal? ActivityScore { get; set; }

    public int? Rank { get; set; }
    public DateOnly? DesignatedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }

    /// <summary>When and why a designation ended (expiry or an unqualified assessment).</summary>
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }

    /// <summary>The application's case (<c>representative-home</c>).</summary>
    public Guid CaseId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Whether it holds a designation on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => Status == RepresentativeHomeStatus.Designated && ValidUntil is { } until && day <= until;
}
