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
        (await TodoStepsAsync(district)).Should().BeEquivalentTo(["districtReview", "grade", "guide", "conditions"]);
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

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
