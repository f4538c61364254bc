namespace KxHome.Workflows.Association;

/// <summary>Who owns the host: the 国企 / 民企 column of Chengdu's tables 1-1 and 1-2.</summary>
public enum Ownership
{
    State,
    Private,
    Other,
}
