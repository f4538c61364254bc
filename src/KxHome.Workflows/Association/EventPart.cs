namespace KxHome.Workflows.Association;

/// <summary>A home's part in a service event: the 主办/协办/承办 column of Chengdu's table 1-3 (R26).</summary>
public enum EventPart
{
    Host,
    CoHost,
    Organiser,
}
