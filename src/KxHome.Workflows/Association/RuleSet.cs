namespace KxHome.Workflows.Association;

/// <summary>
/// The regional rules a home follows: Jiading's management rules (seed 000: R1–R18) or Yiyang's (seed 003: R27–R31).
/// R25 (news within 3 days) is shown for both.
/// </summary>
public enum RuleSet
{
    Jiading,
    Yiyang,
}
