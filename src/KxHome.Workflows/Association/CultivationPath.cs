namespace KxHome.Workflows.Association;

/// <summary>
/// A home's three-year path to a park or enterprise association (art. 8, R10–R12): its stage, the dates each stage
/// began, and how it ended: with the association it founded, or without one and the reason.
/// </summary>
public sealed class CultivationPath
{
    public Guid Id { get; set; }
    public Guid HomeId { get; set; }
    public string OrganisationId { get; set; } = "";

    /// <summary>The cultivation case that runs the path.</summary>
    public Guid CaseId { get; set; }

    public CultivationStage Stage { get; set; }

    /// <summary>Whether the home was on the cultivation list (R14) when the path began; otherwise it began by its intent.</summary>
    public bool FromList { get; set; }

    public DateOnly LaunchedOn { get; set; }
    public DateOnly? IntentDeclaredOn { get; set; }
    public DateOnly? ImproveFrom { get; set; }
    public DateOnly? UpgradeFrom { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public Guid? AssociationId { get; set; }

    public bool IsOpen => Stage is not (CultivationStage.Founded or CultivationStage.Ended);

    /// <summary>Moves to a later stage from a date; a repeated move (a retried job) changes nothing.</summary>
    public void Enter(CultivationStage stage, DateOnly on)
    {
        if (stage <= Stage) return;
        if (!IsOpen) throw new InvalidOperationException($"培育路径已{Names.Of(Stage)}，不能再进入{Names.Of(stage)}");
        Stage = stage;
        switch (stage)
        {
            case CultivationStage.Improve: ImproveFrom = on; break;
            case CultivationStage.Upgrade: UpgradeFrom = on; break;
            default: EndedOn = on; break;
        }
    }

    /// <summary>Ends the path without an association, keeping why.</summary>
    public void End(DateOnly on, string reason)
    {
        if (!IsOpen) return;
        Enter(CultivationStage.Ended, on);
        EndReason = reason;
    }
}
