namespace KxHome.Workflows.Association;

/// <summary>A refusal of one field of a form, in Chinese, with the rule it comes from.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// The checks a certification application must pass when it is filed: the year's filing deadline (R27), the place
/// (R1), the people (R2), 六有 (R30) and the planned activities (R3 for Jiading, R31 for Yiyang). The numbers come
/// from the year's <see cref="Policy"/>.
/// </summary>
public static class CertificationRules
{
    /// <summary>The refusal of a first filing after the year's deadline (the end of that day in Beijing), or null (R27).</summary>
    public static string? LateFiling(Policy policy, DateTime nowUtc, TimeZoneInfo zone)
    {
        var deadline = policy.Date(PolicyKeys.FilingDeadline);
        return nowUtc >= BusinessDates.EndOfDayUtc(deadline, zone)
            ? $"R27：{policy.Year}年度认定申报已于{BusinessDates.Format(deadline)}（北京时间当日24时）截止，不再受理；请关注下一年度的申报通知"
            : null;
    }

    /// <summary>What in the application misses the rules of its rule set; empty when it may be filed.</summary>
    public static IReadOnlyList<FieldProblem> Check(HomeApplication application, Policy policy)
    {
        var problems = new List<FieldProblem>();
        if (application.Kind is null) problems.Add(new("homeKind", "请选择之家类型"));
        if (application.PersonInCharge.Length == 0) problems.Add(new("personInCharge", "R2：须明确 1 名负责人"));
        if (application.Administrator.Length == 0) problems.Add(new("administrator", "R2：须明确 1 名管理员"));
        if (policy.RuleSet == RuleSet.Jiading)
        {
            var minArea = policy.Int(PolicyKeys.MinAreaM2);
            if (application.Kind is HomeKind.Enterprise or HomeKind.Park && application.AreaM2 < minArea)
            {
                problems.Add(new("areaM2", $"R1：企业/园区之家场地面积不低于 {minArea} 平方米，申报为 {application.AreaM2:0.#} 平方米"));
            }
            var innovation = policy.Int(PolicyKeys.MinInnovationEvents);
            var outreach = policy.Int(PolicyKeys.MinOutreachEvents);
            var total = policy.Int(PolicyKeys.MinTotalEvents);
            if (application.PlannedInnovationEvents < innovation)
            {
                problems.Add(new("innovationEvents", $"R3：每年创新类活动不少于 {innovation} 场"));
            }
            if (application.PlannedOutreachEvents < outreach)
            {
                problems.Add(new("outreachEvents", $"R3：每年党建或科普活动不少于 {outreach} 场"));
            }
            if (application.PlannedInnovationEvents + application.PlannedOutreachEvents < total)
            {
                problems.Add(new("innovationEvents", $"R3：全年活动不少于 {total} 场"));
            }
        }
        else
        {
            if (application.SixHaves.Count < 6) problems.Add(new("sixHaves", "R30：须符合“六有”标准（固定场所、服务设施、工作人员、经费保障、活动内容、管理制度）"));
            if (!application.SixHaves.OpenFreeOfCharge) problems.Add(new("openFree", "R30：须长期免费向科技工作者开放"));
            var perYear = policy.Int(PolicyKeys.MinEventsPerYear);
            if (application.PlannedInnovationEvents + application.PlannedOutreachEvents < perYear)
            {
                problems.Add(new("innovationEvents", $"R31：全年活动不少于 {perYear} 次（每月不少于 {policy.Int(PolicyKeys.MinEventsPerMonth)} 次）"));
            }
        }
        return problems;
    }
}
