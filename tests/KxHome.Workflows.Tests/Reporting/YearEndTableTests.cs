using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using KxHome.Workflows.Tests.Support;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KxHome.Workflows.Tests.Reporting;

/// <summary>
/// Chengdu's year-end tables (R26) downloaded from the host and read back by another library than the one that wrote
/// them (the Open XML SDK writes, MiniExcel reads): the official layout, the records' figures, the area's bounds.
/// </summary>
public sealed class YearEndTableTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private HomeDriver _drive = null!;

    public async Task InitializeAsync()
    {
        _drive = new HomeDriver(_host);
        await YearEndRecords.SeedAsync(_drive);
    }

    public async Task DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Workbook_has_the_official_layout_and_the_records_figures_R26()
    {
        var response = await (await _drive.AsAsync("district")).GetAsync($"/api/reports/year-end.xlsx?area=jd&year={YearEndRecords.Year}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("2026年嘉定区科协年终统计表.xlsx");
        var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(workbook, isEditable: false))
        {
            new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")
                .Should().BeEmpty("the package and its parts are what the Open XML schemas allow, as Excel expects");
        }
        workbook.Position = 0;
        MiniExcel.GetSheetNames(workbook).Should().Equal("附件1-1", "附件1-2", "附件1-3");

        var enterprises = Rows(workbook, "附件1-1");
        // Merged cells: MiniExcel fills a merged range with its first cell's text.
        Enumerable.Range(0, 14).Select(c => enterprises[0][Column(c)]).Should().AllBeEquivalentTo("2026年企业科协组织建设统计表");
        Enumerable.Range(0, 14).Select(c => enterprises[1][Column(c)]).Should().Equal("序号", "单位名称", "批准文号", "批准时间", "员工总数", "科技人员数",
            "科协会员数", "通信地址", "单位性质（国企/民企）", "主席", "副主席", "秘书长", "副秘书长", "联系人");
        enterprises[2]["A"].Should().Be("序号", "序号 spans both header rows");
        enterprises[2]["I"].Should().Be("单位性质（国企/民企）");
        Enumerable.Range(9, 5).Select(c => enterprises[2][Column(c)]).Should().AllBeEquivalentTo("姓名/职务/电话");
        enterprises[3]["B"].Should().Be(YearEndRecords.Enterprise);
        Number(enterprises[3]["E"]).Should().Be(5200);
        enterprises[3]["I"].Should().Be("民企");
        enterprises[3]["J"].Should().Be("黄志明/董事长/13800000001");
        enterprises[3]["K"].Should().Be("陈一/总工程师/13800000002\n陈二/研发总监/13800000003");
        enterprises.Should().HaveCount(5, "one enterprise association and the district's footer");
        var footer = enterprises[4];
        (footer["A"], footer["B"], footer["C"], Number(footer["D"])).Should().Be(("所属区（市）县", "嘉定区科协", "已建企业科协数量", 1));
        (footer["E"], Number(footer["F"]), footer["G"], Number(footer["H"])).Should().Be(("属地企业数量", 1260, "科技企业数量", 318));
        (footer["I"], footer["J"]).Should().Be(("比例（已建/科技企业）", "0.3%"));

        var zones = Rows(workbook, "附件1-2");
        Enumerable.Range(0, 14).Select(c => zones[1][Column(c)]).Should().Equal("序号", "单位名称", "批准文号", "批准时间", "通信地址", "单位会员数量",
            "个人会员数量", "秘书长执行单位", "法人代表", "主席", "副主席", "秘书长", "副秘书长", "联系人");
        zones[3]["B"].Should().Be(YearEndRecords.Park);
        zones[3]["H"].Should().Be("园区科创服务中心");
        zones[3]["I"].Should().Be("周国华/管委会主任/021-59990000");
        zones[3]["L"].Should().Be("王建国/中心主任/021-59991002");
        zones.Select(r => r["B"]).Should().NotContain(YearEndRecords.Elsewhere, "Baoshan's association is not Jiading's");
        (zones[4]["C"], Number(zones[4]["D"]), zones[4]["E"], Number(zones[4]["F"]), zones[4]["G"], zones[4]["H"])
            .Should().Be(("已建功能区科协数量", 1, "产业功能区数量", 6, "比例", "16.7%"));

        var activities = Rows(workbook, "附件1-3");
        activities[2]["H"].Should().Be("以附件形式提供");
        activities.Should().HaveCount(6, "title, two header rows, this year's two events and the remark; last year's is not in");
        (activities[3]["B"], activities[3]["C"], activities[3]["D"]).Should().Be(("2026-04-20", YearEndRecords.Salon, "邀请高校专家讲解工业视觉检测"));
        (activities[3]["E"], Number(activities[3]["F"]), activities[3]["G"], activities[3]["H"])
            .Should().Be(($"主办：{YearEndRecords.Park}", 42, "达成合作意向 2 项", "沙龙现场.jpg"));
        activities[4]["E"].Should().Be($"协办：{YearEndRecords.Park}");
        activities[5]["A"].Should().Be("备注：此表由各企业科协、产业功能区科协填写，经各区（市）县科协汇总后报送市科协创新发展部。");
    }

    [Fact]
    public async Task Csv_is_utf8_with_a_byte_order_mark_and_round_trips_chinese_text_R26()
    {
        var response = await (await _drive.AsAsync("district")).GetAsync($"/api/reports/year-end/1-3.csv?area=jd&year={YearEndRecords.Year}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var rows = MiniExcel.Query(new MemoryStream(bytes), excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        rows[0]["A"].Should().Be("2026年区（市）县企业科协、产业功能区科协工作情况统计表");
        rows[1]["C"].Should().Be("服务（活动）名称");
        rows[3]["C"].Should().Be(YearEndRecords.Salon, "a comma and quotes inside a cell survive");
        rows[3]["E"].Should().Be($"主办：{YearEndRecords.Park}");
    }

    [Fact]
    public async Task A_district_reports_only_its_own_area_and_a_city_adds_up_its_districts_R26()
    {
        var jiading = await (await _drive.AsAsync("district")).GetFromJsonAsync<Report>($"/api/reports/year-end?area=jd&year={YearEndRecords.Year}");
        jiading!.Counties.Select(c => c.Name).Should().Equal("嘉定区科协");
        var names = jiading.Tables.SelectMany(t => t.Rows).Select(r => r.ElementAtOrDefault(1)?.ToString()).ToList();
        names.Should().Contain([YearEndRecords.Enterprise, YearEndRecords.Park]).And.NotContain(YearEndRecords.Elsewhere);

        foreach (var url in new[] { "/api/reports/year-end?area=jd&year=2026", "/api/reports/year-end.xlsx?area=jd&year=2026", "/api/reports/year-end/1-1.csv?area=jd&year=2026" })
        {
            (await (await _drive.AsAsync("district2")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, $"Baoshan may not read {url}");
            (await (await _drive.AsAsync("applicant")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, $"an applicant may not read {url}");
        }

        var shanghai = await (await _drive.AsAsync("city")).GetFromJsonAsync<Report>($"/api/reports/year-end?area=sh&year={YearEndRecords.Year}");
        shanghai!.Counties.Select(c => (c.Name, c.ZoneAssociations)).Should().Equal(("嘉定区科协", 1), ("宝山区科协", 1), ("合计", 2));
    }

    [Fact]
    public async Task Only_the_district_keeps_its_figures_and_a_wrong_one_is_refused_by_field_R26()
    {
        var refused = await (await _drive.AsAsync("district")).PutAsJsonAsync("/api/reports/year-end/figures?area=jd&year=2027",
            new { localEnterprises = 100, scienceEnterprises = 120, industrialZones = 3 });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("scienceEnterprises").And.Contain("科技企业数量不能多于属地企业数量");

        (await (await _drive.AsAsync("district2")).PutAsJsonAsync("/api/reports/year-end/figures?area=jd&year=2027",
            new { localEnterprises = 100, scienceEnterprises = 20, industrialZones = 3 })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await _drive.AsAsync("district")).PutAsJsonAsync("/api/reports/year-end/figures?area=jd&year=2027",
            new { localEnterprises = 100, scienceEnterprises = 20, industrialZones = 3 })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var next = await (await _drive.AsAsync("district")).GetFromJsonAsync<Report>("/api/reports/year-end?area=jd&year=2027");
        next!.Counties.Single().Figures!.ScienceEnterprises.Should().Be(20);
        var kept = await (await _drive.AsAsync("district")).GetFromJsonAsync<Report>($"/api/reports/year-end?area=jd&year={YearEndRecords.Year}");
        kept!.Counties.Single().Figures!.ScienceEnterprises.Should().Be(318, "each year keeps its own figures");
    }

    [Fact]
    public async Task The_page_shows_the_tables_and_refuses_bad_figures_in_chinese_R26()
    {
        var district = await PageClient.SignInAsync(_host.Factory, "district");
        var page = $"/reports/year-end?area=jd&year={YearEndRecords.Year}";
        var (status, html) = await district.GetAsync(page);
        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<caption>2026年企业科协组织建设统计表</caption>").And.Contain(YearEndRecords.Enterprise).And.Contain(YearEndRecords.Park)
            .And.Contain("沙龙现场.jpg").And.NotContain(YearEndRecords.Elsewhere);
        html.Should().Contain("rowspan=\"2\"", "the first headers span both header rows as on paper");

        var refused = await district.PostFormAsync(page, $"/reports/year-end/Figures?area=jd&year={YearEndRecords.Year}", new()
        {
            ["Figures.LocalEnterprises"] = "一千", ["Figures.ScienceEnterprises"] = "318", ["Figures.IndustrialZones"] = "6",
        });
        var answer = await refused.Content.ReadAsStringAsync();
        answer.Should().Contain("请填写属地企业数量").And.Contain("value=\"一千\"", "what was typed stays");
        (await district.GetAsync(page)).Html.Should().Contain("value=\"1260\"", "the refusal changed nothing");

        (await (await PageClient.SignInAsync(_host.Factory, "applicant")).GetAsync("/reports/year-end")).Html.Should().Contain("没有可汇总的地区");
        (await (await PageClient.SignInAsync(_host.Factory, "district2")).GetAsync(page)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    private sealed record Report(string Area, int Year, List<Table> Tables, List<County> Counties);

    private sealed record Table(string Name, List<List<object?>> Rows);

    private sealed record County(string Name, int EnterpriseAssociations, int ZoneAssociations, Figures? Figures);

    private sealed record Figures(int LocalEnterprises, int ScienceEnterprises, int IndustrialZones);

    private static List<IDictionary<string, object?>> Rows(Stream workbook, string sheet)
    {
        workbook.Position = 0;
        return MiniExcel.Query(workbook, sheetName: sheet, configuration: new OpenXmlConfiguration { FillMergedCells = true })
            .Cast<IDictionary<string, object?>>().ToList();
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static int Number(object? cell) => Convert.ToInt32(cell);
}
