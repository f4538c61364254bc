namespace KxHome.Workflows.Association;

/// <summary>
/// A year's call for 科协代表之家 by a province's association (seed 004): its filing deadline (R35), its quota and the
/// validity of a designation (R36), and the rubric experts score by (R32), all taken from the year's settings when the
/// call opens, so that changing a setting later never changes a call under way.
/// </summary>
public sealed class Call
{
    public Guid Id { get; set; }

    /// <summary>The province's association that issued it; applicants below it apply to it.</summary>
    public string OrganisationId { get; set; } = "";

    public int Year { get; set; }
    public CallStatus Status { get; set; }

    /// <summary>The last day of filing, in the business time zone: "4月30日前" is up to the end of it (R35).</summary>
    public DateOnly FilingDeadline { get; set; }

    public int Quota { get; set; }
    public int ValidityYears { get; set; }
    public int MinProposalCharacters { get; set; }
    public int MinContacts { get; set; }

    /// <summary>The items experts score, with their maximum points (<see cref="Rubric"/> as JSON).</summary>
    public string Rubric { get; set; } = "";

    /// <summary>The call's own case (<c>representative-call</c>).</summary>
    public Guid CaseId { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateOnly? DecidedOn { get; set; }
}
