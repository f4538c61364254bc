using System.Globalization;

namespace KxHome.Workflows.Association;

/// <summary>Money is whole fen in a long; people read yuan.</summary>
public static class Money
{
    /// <summary>"80,000.00 元".</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("N2", CultureInfo.InvariantCulture) + " 元";
}
