namespace KxHome.Workflows.Association;

/// <summary>
/// The rules of each rule set, checked against a home's figures: Jiading's R1–R8 (by kind of home) and Yiyang's R30–R31,
/// with R2 for both and R25 as advice for both. Each result is shown beside its figure.
/// </summary>
public static class RuleBook
{
    /// <summary>The rules a rule set applies (some only to one kind of home).</summary>
    public static IReadOnlyList<string> RulesOf(RuleSet ruleSet) => ruleSet switch
    {
        RuleSet.Yiyang => ["R2", "R25", "R27", "R28", "R29", "R30", "R31"],
        RuleSet.Jiangsu => ["R32", "R33", "R34", "R35", "R36"],
        _ => ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R13", "R14", "R15", "R16", "R17", "R18", "R25", "R27", "R28", "R29"],
    };

    public static bool Applies(RuleSet ruleSet, string ruleId) => RulesOf(ruleSet).Contains(ruleId);

    /// <summary>Every rule of the home's rule set that applies to its kind, checked against the figures.</summary>
    public static IReadOnlyList<RuleResult> Check(Home home, HomeFigures f, Policy policy)
    {
        var results = new List<RuleResult>();
        var jiading = home.RuleSet == RuleSet.Jiading;
        if (jiading && home.Kind != HomeKind.Street)
        {
            var min = policy.Int(PolicyKeys.MinAreaM2);
            results.Add(new("R1", "场地面积", $"{home.AreaM2:0.#}", $"{min}㎡", home.AreaM2 >= min));
        }
        var named = (home.PersonInCharge.Trim().Length > 0 ? 1 : 0) + (home.Administrator.Trim().Length > 0 ? 1 : 0);
        results.Add(new("R2", "负责人与管理员", $"{named}", "2", named == 2));
        if (jiading)
        {
            results.Add(AtLeast("R3", "创新类活动", f.InnovationEvents, policy.Int(PolicyKeys.MinInnovationEvents)));
            results.Add(AtLeast("R3", "党建或科普活动", f.OutreachEvents, policy.Int(PolicyKeys.MinOutreachEvents)));
            results.Add(AtLeast("R3", "全年活动", f.TotalEvents, policy.Int(PolicyKeys.MinTotalEvents)));
            var rate = policy.Int(PolicyKeys.MinResponseRatePercent);
            results.Add(new("R4", "需求响应率", $"{f.ResponseRatePercent}%", $"{rate}%", f.ResponseRatePercent >= rate));
            results.Add(home.Kind switch
            {
                HomeKind.Enterprise => AtLeast("R5", "跨企业技术交流", f.CrossEnterpriseExchanges, policy.Int(PolicyKeys.MinCrossEnterpriseExchanges)),
                HomeKind.Park => AtLeast("R6", "服务园区企业（家次）", f.EnterpriseVisits, policy.Int(PolicyKeys.MinEnterpriseVisits)),
                _ => AtLeast("R7", "结对联合活动", f.JointActivities, policy.Int(PolicyKeys.MinJointActivities)),
            });
            results.Add(new("R8", "月度服务动态报送", $"{f.MonthlyReportsSubmitted}", $"{f.MonthlyReportsDue}", f.MonthlyReportsSubmitted >= f.MonthlyReportsDue));
        }
        else
        {
            var free = home.SixHaves.OpenFreeOfCharge;
            results.Add(new("R30", free ? "六有标准" : "六有标准（未长期免费开放）", $"{home.SixHaves.Count}", "6", home.SixHaves.Count == 6 && free));
            results.Add(new("R31", "每月开展活动的月份", $"{f.MonthsWithEnoughEvents}", $"{f.MonthsCounted}", f.MonthsWithEnoughEvents >= f.MonthsCounted));
            results.Add(AtLeast("R31", "全年活动", f.TotalEvents, policy.Int(PolicyKeys.MinEventsPerYear)));
            var minParticipants = policy.Int(PolicyKeys.MinParticipantsPerEvent);
            results.Add(new("R31", $"参与不少于{minParticipants}人的活动", $"{f.TotalEvents - f.EventsBelowMinParticipants}", $"{f.TotalEvents}",
                f.EventsBelowMinParticipants == 0));
        }
        results.Add(new("R25", "活动新闻按时报送", $"{f.TotalEvents - f.LateNews}", $"{f.TotalEvents}", f.LateNews == 0, Advisory: true));
        return results;
    }

    /// <summary>What the figures suggest: Unqualified when a rule that decides is missed, else Qualified (Excellent is the reviewers' call).</summary>
    public static AssessmentGrade Suggest(IEnumerable<RuleResult> results) =>
        results.Any(r => !r.Passed && !r.Advisory) ? AssessmentGrade.Unqualified : AssessmentGrade.Qualified;

    private static RuleResult AtLeast(string ruleId, string label, int actual, int required) =>
        new(ruleId, label, actual.ToString(), required.ToString(), actual >= required);
}
