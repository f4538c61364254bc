namespace KxHome.Workflows.Association;

/// <summary>
/// The regional rules a home or a call follows: Jiading's management rules (seed 000: R1–R18), Yiyang's (seed 003:
/// R27–R31), or Jiangsu's call for 科协代表之家 (seed 004: R32–R36). R25 (news within 3 days) is shown for the homes of both.
/// </summary>
public enum RuleSet
{
    Jiading,
    Yiyang,
    Jiangsu,
}
