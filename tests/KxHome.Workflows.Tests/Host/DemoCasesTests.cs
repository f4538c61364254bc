using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;
using KxHome.Workflows.Association;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Host;

/// <summary>In Development the demo logins find cases at different steps, once, however often the host starts.</summary>
public sealed class DemoCasesTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    private static async Task<IReadOnlyList<string>> TodoStepsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Select(t => t!["elementId"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Every_demo_login_has_something_to_look_at_and_a_restart_adds_nothing()
    {
        _host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        using var applicant = await _host.SignInAsync("applicant");
        using var street = await _host.SignInAsync("street");
        using var district = await _host.SignInAsync("district");
        using var expert = await _host.SignInAsync("expert");

        var cases = (await applicant.GetFromJsonAsync<JsonObject>("/api/cases"))!["items"]!.AsArray();
        cases.Should().HaveCount(7, "five certification cases, this year's assessment of the park's home and its cultivation path");
        (await TodoStepsAsync(applicant)).Should().BeEquivalentTo(["apply", "apply", "confirm", "commit"],
            "a draft, a case sent back for correction, figures to confirm, the cultivation intent to declare");
        (await TodoStepsAsync(street)).Should().Equal("streetReview");
        (await TodoStepsAsync(district)).Should().BeEquivalentTo(["districtReview", "grade", "guide", "conditions", "prepare"],
            "the year-end report (R26) is among them");
        (await TodoStepsAsync(expert)).Should().Equal("siteVisit");

        await _host.RestartAsync();
        _host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        using var again = await _host.SignInAsync("applicant");
        (await again.GetFromJsonAsync<JsonObject>("/api/cases"))!["items"]!.AsArray().Should().HaveCount(7, "demo cases are added once");
    }

    [Fact]
    public async Task The_demo_shows_homes_at_every_status_with_a_finished_round_and_one_under_way()
    {
        _host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        using var client = _host.Factory.CreateClient();
        var drive = new HomeDriver(_host);

        var homes = await drive.ReadAsync(db => db.Homes.AsNoTracking().ToListAsync());
        homes.Select(h => h.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<HomeStatus>(), "every status has a home to look at");
        homes.Should().Contain(h => h.RuleSet == RuleSet.Yiyang && h.Status == HomeStatus.Active);
        var assessments = await drive.ReadAsync(db => db.Assessments.AsNoTracking().ToListAsync());
        assessments.Where(a => a.Year == 2025).Should().OnlyContain(a => a.Status == AssessmentStatus.Published);
        assessments.Where(a => a.Year == 2026).Select(a => a.Status).Should().Contain([AssessmentStatus.Open, AssessmentStatus.Confirmed, AssessmentStatus.Published]);
        (await drive.ReadAsync(db => db.ServiceEvents.CountAsync())).Should().BeGreaterThan(60, "a year of ledger events");
        (await drive.ReadAsync(db => db.CultivationList.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task The_demo_shows_a_home_in_each_cultivation_year_an_association_in_mid_term_and_one_whose_renewal_is_open()
    {
        _host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        var drive = new HomeDriver(_host);

        (await drive.ReadAsync(db => db.CultivationPaths.Select(p => p.Stage).ToListAsync()))
            .Should().BeEquivalentTo([CultivationStage.Launch, CultivationStage.Improve, CultivationStage.Upgrade]);
        (await drive.ReadAsync(db => db.CultivationGuidance.CountAsync())).Should().Be(2);
        using var applicant2 = await _host.SignInAsync("applicant2");
        (await TodoStepsAsync(applicant2)).Should().Equal(["prepare"], "宝山城市工业园区科协's term ends in four months: its 换届 is open");
        using var district = await _host.SignInAsync("district");
        var associations = (await district.GetFromJsonAsync<JsonArray>("/api/associations"))!;
        associations.Should().ContainSingle(a => a!["name"]!.GetValue<string>() == "嘉定新材料产业园科学技术协会" && a["renewalOpensOn"]!.GetValue<string>() == "2028-11-05",
            "in mid-term: founded two years ago for five years, its 换届 opens six months before the end");
    }

    [Fact]
    public async Task The_demo_shows_last_years_call_for_representative_homes_decided_and_this_years_in_review()
    {
        _host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        using var office = await _host.SignInAsync("jiangsu");

        var calls = (await office.GetFromJsonAsync<JsonArray>("/api/representative-calls"))!;
        calls.Select(c => (c!["year"]!.GetValue<int>(), c["status"]!.GetValue<string>())).Should().Equal((2026, "Open"), (2025, "Decided"));
        calls[1]!["homes"]!.AsArray().Select(h => (h!["name"]!.GetValue<string>(), h["rank"]!.GetValue<int>(), h["status"]!.GetValue<string>()))
            .Should().Equal(("无锡市科协代表之家", 1, "Designated"), ("省人工智能学会科协代表之家", 2, "Designated"));
        (await TodoStepsAsync(office)).Should().BeEquivalentTo(["check", "review"], "an application to check, and this year's review to end once scored");
        using var expert2 = await _host.SignInAsync("jsexpert2");
        (await TodoStepsAsync(expert2)).Should().Equal(["score"], "南京市科协代表之家 waits for the second expert");
        var panda = calls[0]!["homes"]!.AsArray().Single(h => h!["name"]!.GetValue<string>() == "熊猫电子科协代表之家")!["id"]!.GetValue<Guid>();
        (await office.GetFromJsonAsync<JsonObject>($"/api/representative-homes/{panda}"))!["shortfall"]!.GetValue<int>().Should().Be(1, "R33: one representative keeps in touch with 4");
    }

    [Fact]
    public async Task Before_the_filing_deadline_the_demo_shows_this_years_call_still_in_filing()
    {
        await using var host = new TestHost(start: RepresentativeDriver.March);
        host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        using var office = await host.SignInAsync("jiangsu");

        var calls = (await office.GetFromJsonAsync<JsonArray>("/api/representative-calls"))!;
        calls.Select(c => (c!["year"]!.GetValue<int>(), c["status"]!.GetValue<string>())).Should().Equal((2026, "Open"), (2025, "Decided"));
        (await TodoStepsAsync(office)).Should().Equal(["check"], "filing is open until April 30: there is no review to end yet");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
