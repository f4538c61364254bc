using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Host;

/// <summary>Cases are called by a number and a title in lists, pages and the API, and found by their number.</summary>
public sealed class CaseTitleTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    [Fact]
    public async Task The_api_answers_with_each_cases_number_and_title_and_finds_a_case_by_its_number()
    {
        var drive = new HomeDriver(_host);
        var first = await drive.StartCertificationAsync();
        var second = await drive.StartCertificationAsync();
        await drive.CompleteAsync(second, "apply", "applicant", HomeDriver.Application("嘉定工业区北区科技工作者之家"));
        await drive.WaitAtAsync(second, "streetReview");
        var applicant = await drive.AsAsync("applicant");

        var one = (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{first}"))!;
        var found = (await applicant.GetFromJsonAsync<JsonObject>("/api/cases?number=认定-2026-0002"))!["items"]!.AsArray();
        var street = await drive.AsAsync("street");
        var task = (await street.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Single()!;

        one["number"]!.GetValue<string>().Should().Be("认定-2026-0001");
        one["title"]!.GetValue<string>().Should().Be("嘉定工业区科协 · 科技工作者之家认定", "before filing the case is its organisation's");
        found.Should().ContainSingle();
        found[0]!["id"]!.GetValue<Guid>().Should().Be(second);
        found[0]!["title"]!.GetValue<string>().Should().Be("嘉定工业区北区科技工作者之家 · 科技工作者之家认定", "filed, the case is its home's");
        task["caseNumber"]!.GetValue<string>().Should().Be("认定-2026-0002");
        task["caseTitle"]!.GetValue<string>().Should().Be("嘉定工业区北区科技工作者之家 · 科技工作者之家认定");
    }

    [Fact]
    public async Task Pages_show_the_number_and_title_and_the_inbox_finds_a_case_by_its_number()
    {
        var drive = new HomeDriver(_host);
        var caseId = await drive.StartCertificationAsync();
        await drive.CompleteAsync(caseId, "apply", "applicant", HomeDriver.Application("嘉定工业区北区科技工作者之家"));
        await drive.WaitAtAsync(caseId, "streetReview");
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        var street = await PageClient.SignInAsync(_host.Factory, "street");

        var (_, list) = await applicant.GetAsync("/cases");
        var (_, casePage) = await applicant.GetAsync($"/cases/{caseId}");
        var (_, inbox) = await street.GetAsync("/inbox");
        var jump = await street.Http.GetAsync("/inbox?number=认定-2026-0001");
        var (_, none) = await street.GetAsync("/inbox?number=认定-2099-0001");
        var stranger = await PageClient.SignInAsync(_host.Factory, "district2");
        var (_, hidden) = await stranger.GetAsync("/inbox?number=认定-2026-0001");

        list.Should().Contain("认定-2026-0001").And.Contain("嘉定工业区北区科技工作者之家 · 科技工作者之家认定");
        casePage.Should().Contain("<h1>认定-2026-0001 嘉定工业区北区科技工作者之家 · 科技工作者之家认定");
        inbox.Should().Contain("认定-2026-0001").And.Contain("嘉定工业区北区科技工作者之家 · 科技工作者之家认定");
        jump.StatusCode.Should().Be(HttpStatusCode.Redirect);
        jump.Headers.Location!.ToString().Should().Be($"/cases/{caseId}");
        none.Should().Contain("没有编号为 认定-2099-0001 的案件");
        hidden.Should().Contain("没有编号为 认定-2026-0001 的案件", "another district does not find it");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
