namespace KxHome.Workflows.Association;

/// <summary>Who builds a 科技工作者之家: an enterprise, a park, or a street (街镇) association.</summary>
public enum HomeKind
{
    Enterprise,
    Park,
    Street,
}
