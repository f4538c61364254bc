namespace KxHome.Workflows.Association;

/// <summary>The Chinese words people read for the domain's values.</summary>
public static class Names
{
    public static string Of(HomeKind kind) => kind switch
    {
        HomeKind.Enterprise => "企业",
        HomeKind.Park => "园区",
        _ => "街镇",
    };

    public static string Of(HomeStatus status) => status switch
    {
        HomeStatus.Applying => "申报中",
        HomeStatus.Active => "已认定",
        HomeStatus.Rectifying => "限期整改中",
        HomeStatus.Revoked => "已取消资格",
        HomeStatus.Withdrawn => "已撤回",
        _ => "未通过认定",
    };

    public static string Of(RuleSet ruleSet) => ruleSet switch
    {
        RuleSet.Yiyang => "益阳市规则",
        RuleSet.Jiangsu => "江苏省规则",
        _ => "嘉定区规则",
    };

    public static string Of(RepresentativeHomeStatus status) => status switch
    {
        RepresentativeHomeStatus.Applying => "申报中",
        RepresentativeHomeStatus.Designated => "已认定",
        RepresentativeHomeStatus.Declined => "未获认定",
        RepresentativeHomeStatus.Expired => "认定期满",
        RepresentativeHomeStatus.Revoked => "已撤销认定",
        _ => "已撤回",
    };

    public static string Of(AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Excellent => "优秀",
        AssessmentGrade.Qualified => "合格",
        _ => "不合格",
    };

    public static string Of(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Open => "待之家确认数据",
        AssessmentStatus.Confirmed => "待评审",
        _ => "已公布",
    };

    public static string Of(ServiceEventCategory category) => category switch
    {
        ServiceEventCategory.TechSalon => "技术沙龙",
        ServiceEventCategory.SupplyChainMatching => "产业链对接",
        ServiceEventCategory.PatentTraining => "专利申报培训",
        ServiceEventCategory.OtherInnovation => "其他创新类活动",
        ServiceEventCategory.CrossEnterpriseExchange => "跨企业技术交流",
        ServiceEventCategory.PartyBuilding => "党建活动",
        ServiceEventCategory.SciencePopularisation => "科普活动",
        _ => "结对联合活动",
    };

    public static string Of(FundingKind kind) => kind switch
    {
        FundingKind.ConstructionGrant => "建设资助",
        FundingKind.ExcellenceAward => "考核奖励",
        _ => "配套经费",
    };

    public static string Of(CultivationStage stage) => stage switch
    {
        CultivationStage.Launch => "起步阶段（第一年）",
        CultivationStage.Improve => "提升阶段（第二年）",
        CultivationStage.Upgrade => "升级阶段（第三年）",
        CultivationStage.Founded => "已成立科协",
        _ => "已结束",
    };

    public static string Of(AssociationKind kind) => kind == AssociationKind.Park ? "园区科协" : "企业科协";

    public static string Of(AssociationStatus status) => status switch
    {
        AssociationStatus.Founding => "筹建中",
        AssociationStatus.Active => "已成立",
        AssociationStatus.Withdrawn => "已撤回",
        _ => "未获批准",
    };

    public static string Of(FoundingMode mode) => mode == FoundingMode.Approval ? "审批制" : "备案制";

    public static string Of(Ownership ownership) => ownership switch
    {
        Ownership.State => "国企",
        Ownership.Private => "民企",
        _ => "其他",
    };

    public static string Of(OfficerRole role) => role switch
    {
        OfficerRole.Chair => "主席",
        OfficerRole.ViceChair => "副主席",
        OfficerRole.SecretaryGeneral => "秘书长",
        OfficerRole.DeputySecretaryGeneral => "副秘书长",
        _ => "联系人",
    };

    public static string Of(EventPart part) => part switch
    {
        EventPart.CoHost => "协办",
        EventPart.Organiser => "承办",
        _ => "主办",
    };

    public static string Of(NewsState state) => state switch
    {
        NewsState.OnTime => "按时报送",
        NewsState.Late => "逾期报送",
        NewsState.Missing => "逾期未报",
        _ => "待报送",
    };

    public static string Of(NominationKind kind) => kind == NominationKind.Delegate ? "会员代表" : "委员候选人";

    /// <summary>A grade as code or as a Chinese word (优秀/合格/不合格), or null.</summary>
    public static AssessmentGrade? ParseGrade(string? text) => text?.Trim() switch
    {
        "Excellent" or "优秀" => AssessmentGrade.Excellent,
        "Qualified" or "合格" => AssessmentGrade.Qualified,
        "Unqualified" or "不合格" => AssessmentGrade.Unqualified,
        _ => null,
    };
}
