namespace KxHome.Workflows.Association;

/// <summary>What a 换届 nomination proposes (R23): a delegate to the congress, or a candidate for the committee.</summary>
public enum NominationKind
{
    Delegate,
    Candidate,
}
