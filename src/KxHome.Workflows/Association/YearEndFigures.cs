namespace KxHome.Workflows.Association;

/// <summary>
/// What the records cannot know for a district's year-end tables (R26), entered by the district and kept per year:
/// the enterprises in its area, how many of them are technology enterprises, and its industrial zones.
/// </summary>
public sealed class YearEndFigures
{
    public string OrganisationId { get; set; } = "";
    public int Year { get; set; }

    /// <summary>属地企业数量.</summary>
    public int LocalEnterprises { get; set; }

    /// <summary>科技企业数量: the denominator of table 1-1's 比例.</summary>
    public int ScienceEnterprises { get; set; }

    /// <summary>产业功能区数量: the denominator of table 1-2's 比例.</summary>
    public int IndustrialZones { get; set; }

    /// <summary>When the year's tables were handed in to the higher association (the year-end case's last step); null while not.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>The year-end case that handed them in.</summary>
    public Guid? SubmissionCaseId { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
