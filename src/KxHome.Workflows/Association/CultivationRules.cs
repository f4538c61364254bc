namespace KxHome.Workflows.Association;

/// <summary>
/// The cultivation path's rules (art. 8): who may set out, what year 1 asks before the intent (R10), when year 2's
/// verification falls and how often it may be tried (R11), and when year 3 begins (R12). Stage years are calendar
/// years: year 2 begins on the January 1 after the intent was declared (once the district accepted it).
/// </summary>
public static class CultivationRules
{
    /// <summary>Why the home cannot set out on the path, or null: only an Active enterprise or park home of Jiading's rules (art. 8) may.</summary>
    public static string? StartProblem(Home home) =>
        home.RuleSet != RuleSet.Jiading ? $"培育升级是嘉定区规则（第八条）的路径，{Names.Of(home.RuleSet)}的之家不适用"
        : home.Kind == HomeKind.Street ? "街镇之家不走园企科协培育路径，培育升级只面向企业/园区之家（第八条）"
        : home.Status != HomeStatus.Active ? $"之家 “{home.Name}” 当前为{Names.Of(home.Status)}，只有正常运行的之家可以开始培育"
        : null;

    /// <summary>R10: the intent needs stable operation, activities held this year, and the signed commitment.</summary>
    public static string? IntentProblem(bool stableOperation, int eventsThisYear, bool commitmentUploaded)
    {
        if (!stableOperation) return "之家须已实现稳定运营，才能提出培育意向（R10）";
        if (eventsThisYear < 1) return "服务台账中本年度还没有面向科技工作者的活动，开展活动后才能提出培育意向（R10）";
        if (!commitmentUploaded) return "请先上传签署的《自主运维承诺书》（R10）";
        return null;
    }

    /// <summary>Year 2 begins on the January 1 after the intent's year.</summary>
    public static DateOnly ImproveStarts(DateOnly intentOn) => new(intentOn.Year + 1, 1, 1);

    /// <summary>The year-end verification day of a year (setting, December 1 by default).</summary>
    public static DateOnly VerificationDay(Policy policy) => policy.Date(PolicyKeys.CultivationVerificationDay);

    /// <summary>Whether a path whose verification failed <paramref name="failures"/> times may be verified again next year.</summary>
    public static bool MayRetry(Policy policy, int failures) => failures < policy.Int(PolicyKeys.CultivationVerificationTries);

    /// <summary>Year 3 begins on the January 1 after the verification passed.</summary>
    public static DateOnly UpgradeStarts(DateOnly passedOn) => new(passedOn.Year + 1, 1, 1);
}
