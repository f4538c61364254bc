using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;

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

        var cases = (await applicant.GetFromJsonAsync<JsonObject>("/api/cases"))!["items"]!.AsArray();
        cases.Should().HaveCount(5);
        cases.Select(c => c!["status"]!.GetValue<string>()).Should().Contain(["Active", "Completed"]);
        (await TodoStepsAsync(applicant)).Should().BeEquivalentTo(["apply", "apply"], "a draft and a case sent back for correction");
        (await TodoStepsAsync(street)).Should().Equal("streetReview");
        (await TodoStepsAsync(district)).Should().Equal("districtReview");

        await _host.RestartAsync();
        _host.RestartWith(web => web.UseSetting("Demo:Cases", "true"));
        using var again = await _host.SignInAsync("applicant");
        (await again.GetFromJsonAsync<JsonObject>("/api/cases"))!["items"]!.AsArray().Should().HaveCount(5, "demo cases are added once");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
