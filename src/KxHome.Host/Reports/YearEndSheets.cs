using KxHome.Workflows.Association;

namespace KxHome.Host.Reports;

/// <summary>
/// Lays the year-end report out as Chengdu's tables 1-1, 1-2 and 1-3 (R26): the same columns in the same order, the
/// officers' sub-header 姓名/职务/电话, and the footer rows of each 区（市）县.
/// </summary>
public static class YearEndSheets
{
    public const string OfficerCell = "姓名/职务/电话";
    public const string NotEntered = "未填报";
    public const string Remark = "备注：此表由各企业科协、产业功能区科协填写，经各区（市）县科协汇总后报送市科协创新发展部。";

    private static readonly OfficerRole[] Officers =
        [OfficerRole.Chair, OfficerRole.ViceChair, OfficerRole.SecretaryGeneral, OfficerRole.DeputySecretaryGeneral, OfficerRole.Contact];

    public static IReadOnlyList<Sheet> All(YearEndReport report) => [Enterprises(report), Zones(report), Activities(report)];

    /// <summary>The sheet of a table by its number ("1-1", "1-2", "1-3"), or null.</summary>
    public static Sheet? One(YearEndReport report, string table) => table switch
    {
        "1-1" => Enterprises(report),
        "1-2" => Zones(report),
        "1-3" => Activities(report),
        _ => null,
    };

    /// <summary>附件1-1 企业科协组织建设统计表.</summary>
    public static Sheet Enterprises(YearEndReport report)
    {
        var sheet = new Sheet("附件1-1", 6, 26, 18, 12, 10, 10, 10, 26, 12, 22, 22, 22, 22, 22)
            .Title($"{report.Year}年企业科协组织建设统计表")
            .Header("序号", "单位名称", "批准文号", "批准时间", "员工总数", "科技人员数", "科协会员数", "通信地址", "单位性质（国企/民企）",
                "主席", "副主席", "秘书长", "副秘书长", "联系人")
            .Header(null, null, null, null, null, null, null, null, null, OfficerCell, OfficerCell, OfficerCell, OfficerCell, OfficerCell);
        SpanDown(sheet, 9);
        var number = 1;
        foreach (var row in report.Enterprises)
        {
            var a = row.Association;
            sheet.Row([number++, a.Name, a.ApprovalNumber ?? "", Day(a.ApprovedOn), a.Employees, a.ScienceStaff, a.IndividualMembers, a.Address,
                Names.Of(a.Ownership), .. Officers.Select(row.OfficersOf)]);
        }
        foreach (var county in report.Footers)
        {
            sheet.Row("所属区（市）县", county.Name, "已建企业科协数量", county.EnterpriseAssociations,
                "属地企业数量", Entered(county.Figures?.LocalEnterprises), "科技企业数量", Entered(county.Figures?.ScienceEnterprises),
                "比例（已建/科技企业）", county.EnterpriseRatio);
        }
        return sheet;
    }

    /// <summary>附件1-2 产业功能区科协组织建设统计表.</summary>
    public static Sheet Zones(YearEndReport report)
    {
        var sheet = new Sheet("附件1-2", 6, 26, 18, 12, 26, 12, 12, 20, 22, 22, 22, 22, 22, 22)
            .Title($"{report.Year}年产业功能区科协组织建设统计表")
            .Header("序号", "单位名称", "批准文号", "批准时间", "通信地址", "单位会员数量", "个人会员数量", "秘书长执行单位", "法人代表",
                "主席", "副主席", "秘书长", "副秘书长", "联系人")
            .Header(null, null, null, null, null, null, null, null, OfficerCell, OfficerCell, OfficerCell, OfficerCell, OfficerCell, OfficerCell);
        SpanDown(sheet, 8);
        var number = 1;
        foreach (var row in report.Zones)
        {
            var a = row.Association;
            sheet.Row([number++, a.Name, a.ApprovalNumber ?? "", Day(a.ApprovedOn), a.Address, a.UnitMembers, a.IndividualMembers, a.SecretariatUnit,
                row.LegalRepresentative, .. Officers.Select(row.OfficersOf)]);
        }
        foreach (var county in report.Footers)
        {
            sheet.Row("所属区（市）县", county.Name, "已建功能区科协数量", county.ZoneAssociations,
                "产业功能区数量", Entered(county.Figures?.IndustrialZones), "比例", county.ZoneRatio);
        }
        return sheet;
    }

    /// <summary>附件1-3 企业科协、产业功能区科协工作情况统计表.</summary>
    public static Sheet Activities(YearEndReport report)
    {
        var sheet = new Sheet("附件1-3", 6, 12, 26, 36, 26, 10, 30, 30)
            .Title($"{report.Year}年区（市）县企业科协、产业功能区科协工作情况统计表")
            .Header("序号", "时间", "服务（活动）名称", "服务（活动）内容", "主办/协办/承办", "参与人数", "取得成效", "佐证材料")
            .Header(null, null, null, null, null, null, null, "以附件形式提供");
        SpanDown(sheet, 7);
        var number = 1;
        foreach (var row in report.Activities)
        {
            var e = row.Event;
            sheet.Row(number++, Day(e.HeldOn), e.Title, e.Content.Length > 0 ? e.Content : Names.Of(e.Category), $"{Names.Of(e.Part)}：{row.Association}",
                e.Participants, e.Outcome, new Sheet.Files(row.Evidence.Select(f => (f.FileName, $"/homes/{e.HomeId}/photo?eventId={e.Id}&fileId={f.Id}")).ToList()));
        }
        return sheet.Note(Remark);
    }

    /// <summary>The first <paramref name="columns"/> headers span both header rows (the officers' columns have the sub-header).</summary>
    private static void SpanDown(Sheet sheet, int columns)
    {
        for (var column = 0; column < columns; column++) sheet.Span(1, column, 2, 1);
    }

    private static object Entered(int? figure) => figure is { } given ? given : NotEntered;

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? "";
}
