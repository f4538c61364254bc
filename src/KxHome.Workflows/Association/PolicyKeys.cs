namespace KxHome.Workflows.Association;

/// <summary>Every number of the seeds as a setting, with the seed's value as its default (per rule set where they differ).</summary>
public static class PolicyKeys
{
    public static readonly PolicyKey MinAreaM2 = new("MinAreaM2", "R1", "企业/园区之家最小场地面积", PolicyValueKind.Number, "平方米", "30", "0");
    public static readonly PolicyKey MinInnovationEvents = new("MinInnovationEvents", "R3", "每年创新类活动最少场次", PolicyValueKind.Number, "场", "4", "0");
    public static readonly PolicyKey MinOutreachEvents = new("MinOutreachEvents", "R3", "每年党建或科普活动最少场次", PolicyValueKind.Number, "场", "2", "0");
    public static readonly PolicyKey MinTotalEvents = new("MinTotalEvents", "R3", "全年活动最少场次", PolicyValueKind.Number, "场", "6", "0");
    public static readonly PolicyKey MinResponseRatePercent = new("MinResponseRatePercent", "R4", "需求响应率下限", PolicyValueKind.Number, "%", "90", "0");
    public static readonly PolicyKey MinCrossEnterpriseExchanges = new("MinCrossEnterpriseExchanges", "R5", "企业之家每年跨企业技术交流最少次数", PolicyValueKind.Number, "次", "1", "0");
    public static readonly PolicyKey MinEnterpriseVisits = new("MinEnterpriseVisits", "R6", "园区之家每年服务企业最少家次", PolicyValueKind.Number, "家次", "20", "0");
    public static readonly PolicyKey MinJointActivities = new("MinJointActivities", "R7", "街镇之家每年结对联合活动最少场次", PolicyValueKind.Number, "场", "2", "0");
    public static readonly PolicyKey MonthlyReportDueDay = new("MonthlyReportDueDay", "R8", "月度服务动态报送截止日（次月）", PolicyValueKind.Number, "日", "10", "10");
    public static readonly PolicyKey NewsReportDays = new("NewsReportDays", "R25", "活动新闻报送时限", PolicyValueKind.Number, "天", "3", "3");
    public static readonly PolicyKey MinEventsPerMonth = new("MinEventsPerMonth", "R31", "每月活动最少次数", PolicyValueKind.Number, "次", "0", "1");
    public static readonly PolicyKey MinEventsPerYear = new("MinEventsPerYear", "R31", "全年活动最少次数", PolicyValueKind.Number, "次", "0", "12");
    public static readonly PolicyKey MinParticipantsPerEvent = new("MinParticipantsPerEvent", "R31", "每次活动最少参与人数", PolicyValueKind.Number, "人", "0", "10");
    public static readonly PolicyKey ConstructionGrantFen = new("ConstructionGrantFen", "R16", "一次性建设资助", PolicyValueKind.Fen, "元", "8000000", "0");
    public static readonly PolicyKey AwardEnterpriseParkFen = new("AwardEnterpriseParkFen", "R17", "优秀企业/园区之家奖励", PolicyValueKind.Fen, "元", "5000000", "0");
    public static readonly PolicyKey AwardStreetFen = new("AwardStreetFen", "R17", "优秀街镇之家奖励", PolicyValueKind.Fen, "元", "3000000", "0");
    public static readonly PolicyKey MatchingFundsPercent = new("MatchingFundsPercent", "R18", "配套经费不低于区资助的比例", PolicyValueKind.Number, "%", "100", "0");
    public static readonly PolicyKey FilingDeadline = new("FilingDeadline", "R27", "认定申报截止日", PolicyValueKind.MonthDay, "", "06-15", "06-15");
    public static readonly PolicyKey AssessmentOpens = new("AssessmentOpens", "R29", "年度考核开始日", PolicyValueKind.MonthDay, "", "10-01", "10-01");
    public static readonly PolicyKey AssessmentCloses = new("AssessmentCloses", "R29", "年度考核结束日", PolicyValueKind.MonthDay, "", "11-30", "11-30");
    public static readonly PolicyKey YearEndReportDue = new("YearEndReportDue", "R26", "年终统计表报送截止日", PolicyValueKind.MonthDay, "", "11-30", "11-30");
    public static readonly PolicyKey PublicNoticeDays = new("PublicNoticeDays", "R28", "认定公示期", PolicyValueKind.Number, "个工作日", "5", "5");

    public static readonly PolicyKey CultivationVerificationDay = new("CultivationVerificationDay", "R11", "培育第二年基础核验日", PolicyValueKind.MonthDay, "", "12-01", "12-01");
    public static readonly PolicyKey CultivationVerificationTries = new("CultivationVerificationTries", "R11", "基础核验最多次数（未通过的次年再核验）", PolicyValueKind.Number, "次", "2", "2");
    public static readonly PolicyKey AssociationFounding = new("AssociationFounding", "R19", "园区/企业科协成立方式", PolicyValueKind.Choice, "", "审批制", "审批制", ["审批制", "备案制"]);
    public static readonly PolicyKey RenewalLeadMonths = new("RenewalLeadMonths", "R20", "届满前开启换届筹备", PolicyValueKind.Number, "个月", "6", "6");
    public static readonly PolicyKey NominationDays = new("NominationDays", "R23", "代表和委员候选人推荐征集期", PolicyValueKind.Number, "天", "15", "15");

    // 科协代表之家 (seed 004, Jiangsu): the call's deadline, quota and validity, the plan's length, the contacts each
    // representative keeps, and the rubric's items. The seed gives the parts (basic conditions 30, activities 70), not the
    // items: basic conditions are split evenly over its three paragraphs, activities 20/20/15/15 (a setting each).
    public static readonly PolicyKey RepresentativeFilingDeadline = Jiangsu("RepresentativeFilingDeadline", "R35", "科协代表之家申报截止日", PolicyValueKind.MonthDay, "", "04-30");
    public static readonly PolicyKey RepresentativeQuota = Jiangsu("RepresentativeQuota", "R36", "每年认定科协代表之家名额", PolicyValueKind.Number, "个", "10", 1, 1000);
    public static readonly PolicyKey RepresentativeValidityYears = Jiangsu("RepresentativeValidityYears", "R36", "科协代表之家认定有效期", PolicyValueKind.Number, "年", "2", 1, 10);
    public static readonly PolicyKey MinProposalCharacters = Jiangsu("MinProposalCharacters", "R35", "申报方案最少字数（不计空白）", PolicyValueKind.Number, "字", "1000", 0, 20000);
    public static readonly PolicyKey MinContactsPerRepresentative = Jiangsu("MinContactsPerRepresentative", "R33", "每位代表至少联系科技工作者", PolicyValueKind.Number, "人", "5", 0, 100);
    public static readonly PolicyKey RubricPlace = Jiangsu("RubricPlace", "R32", "评分：场所与标识（基础条件）", PolicyValueKind.Number, "分", "10", 0, 100);
    public static readonly PolicyKey RubricRules = Jiangsu("RubricRules", "R32", "评分：管理办法与联系机制（基础条件）", PolicyValueKind.Number, "分", "10", 0, 100);
    public static readonly PolicyKey RubricPlan = Jiangsu("RubricPlan", "R32", "评分：年度计划、经费与服务队伍（基础条件）", PolicyValueKind.Number, "分", "10", 0, 100);
    public static readonly PolicyKey RubricParty = Jiangsu("RubricParty", "R32", "评分：代表+党建（活动开展）", PolicyValueKind.Number, "分", "20", 0, 100);
    public static readonly PolicyKey RubricWindow = Jiangsu("RubricWindow", "R32", "评分：代表+窗口（活动开展）", PolicyValueKind.Number, "分", "20", 0, 100);
    public static readonly PolicyKey RubricNeighbourhood = Jiangsu("RubricNeighbourhood", "R32", "评分：代表+邻里（活动开展）", PolicyValueKind.Number, "分", "15", 0, 100);
    public static readonly PolicyKey RubricInnovation = Jiangsu("RubricInnovation", "R32", "评分：代表+创新（活动开展）", PolicyValueKind.Number, "分", "15", 0, 100);

    public static IReadOnlyList<PolicyKey> All { get; } =
    [
        MinAreaM2, MinInnovationEvents, MinOutreachEvents, MinTotalEvents, MinResponseRatePercent, MinCrossEnterpriseExchanges,
        MinEnterpriseVisits, MinJointActivities, MonthlyReportDueDay, NewsReportDays, MinEventsPerMonth, MinEventsPerYear,
        MinParticipantsPerEvent, ConstructionGrantFen, AwardEnterpriseParkFen, AwardStreetFen, MatchingFundsPercent,
        FilingDeadline, AssessmentOpens, AssessmentCloses, YearEndReportDue, PublicNoticeDays, CultivationVerificationDay, CultivationVerificationTries,
        AssociationFounding, RenewalLeadMonths, NominationDays, RepresentativeFilingDeadline, RepresentativeQuota, RepresentativeValidityYears,
        MinProposalCharacters, MinContactsPerRepresentative, RubricPlace, RubricRules, RubricPlan, RubricParty, RubricWindow, RubricNeighbourhood,
        RubricInnovation,
    ];

    /// <summary>A setting of Jiangsu's call alone: the other rule sets neither show nor use it.</summary>
    private static PolicyKey Jiangsu(string key, string ruleId, string label, PolicyValueKind kind, string unit, string value, long min = 0, long max = 1_000_000) =>
        new(key, ruleId, label, kind, unit, value, value, Jiangsu: value, Min: min, Max: max);

    public static PolicyKey? Find(string key) => All.FirstOrDefault(k => k.Key == key);
}
