namespace KxHome.Workflows.Association;

/// <summary>
/// A 科技工作者之家: who hosts it, where, who runs it (R2), which rules it follows, and where it stands. Its status
/// changes only through <see cref="ChangeStatus"/>, which says who, when, why and which case.
/// </summary>
public sealed class Home
{
    public Guid Id { get; set; }

    /// <summary>The host organisation (the applicant's); cases, ledgers and funding of the home belong to it.</summary>
    public string OrganisationId { get; set; } = "";

    public HomeKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";

    /// <summary>The place's area in m² (R1).</summary>
    public double AreaM2 { get; set; }

    public string PersonInCharge { get; set; } = "";
    public string Administrator { get; set; } = "";
    public string Phone { get; set; } = "";
    public RuleSet RuleSet { get; set; }
    public HomeStatus Status { get; set; }

    /// <summary>For a street home: whether the place is in an S&amp;T cluster (R9), as the street pre-check found.</summary>
    public bool? InCluster { get; set; }

    /// <summary>"六有" (R30), as the application declared: place, facilities, staff, funding, activities, rules; and open free of charge.</summary>
    public SixHaves SixHaves { get; set; } = new();

    public DateOnly? DesignatedOn { get; set; }
    public string? PlaqueNumber { get; set; }
    public DateOnly? PlaqueOn { get; set; }

    /// <summary>The certification case that made (or is making) this home.</summary>
    public Guid? CertificationCaseId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Moves the home to <paramref name="to"/>, or refuses a move its lifecycle does not allow; gives the history row
    /// to keep (an unchanged status gives null: a retried step writes nothing twice).
    /// </summary>
    public HomeStatusChange? ChangeStatus(HomeStatus to, DateTime at, string? by, string reason, Guid? caseId)
    {
        if (Status == to) return null;
        if (!HomeLifecycle.Allows(Status, to))
        {
            throw new InvalidOperationException($"之家 “{Name}” 当前状态为{Names.Of(Status)}，不能变为{Names.Of(to)}");
        }
        var change = new HomeStatusChange
        {
            HomeId = Id, From = Status, To = to, At = at, By = by, Reason = reason, CaseId = caseId,
        };
        Status = to;
        return change;
    }
}

/// <summary>The "六有" standard (R30) as declared, and whether the home is open free of charge.</summary>
public sealed class SixHaves
{
    public bool Place { get; set; }
    public bool Facilities { get; set; }
    public bool Staff { get; set; }
    public bool Funding { get; set; }
    public bool Activities { get; set; }
    public bool Rules { get; set; }
    public bool OpenFreeOfCharge { get; set; }

    /// <summary>How many of the six are met (free opening not counted).</summary>
    public int Count => new[] { Place, Facilities, Staff, Funding, Activities, Rules }.Count(x => x);
}
