namespace KxHome.Workflows.Expressions;

/// <summary>Limits that keep one expression from hurting the host.</summary>
/// <param name="MaxStatements">Statements one evaluation may execute.</param>
/// <param name="TimeoutMs">
/// Milliseconds one evaluation may run: a backstop on wall time, generous because a busy machine slows everything;
/// the statement limit is what bounds the work.
/// </param>
/// <param name="MaxRecursion">Call depth one evaluation may reach.</param>
/// <param name="MaxMemoryBytes">
/// Managed bytes one evaluation may allocate (Jint counts allocation, not what is kept); a typical condition
/// allocates a few kilobytes.
/// </param>
public sealed record ExpressionLimits(int MaxStatements = 10_000, int TimeoutMs = 2_000, int MaxRecursion = 32, long MaxMemoryBytes = 16_000_000)
{
    /// <summary>The time limit as a span.</summary>
    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMs);
}
