using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

/// <summary>The case and task API through the real host, signed in as the demo people of two districts.</summary>
public sealed class CasesApiTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    /// <summary>The benchmark's general approval flow, deployed here as a programme open to everyone (no starter groups).</summary>
    public CasesApiTests() => _host.Factory.Services.GetRequiredService<WorkflowEngine>().DeployAsync(RepositoryPaths.ReferenceFlow).GetAwaiter().GetResult();

    private Task<HttpClient> SignInAsync(string login) => _host.SignInAsync(login);

    private static async Task<JsonArray> TasksAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray();

    private static bool HasTaskOf(JsonArray tasks, Guid caseId, string elementId) =>
        tasks.Any(t => t!["instanceId"]!.GetValue<Guid>() == caseId && t["elementId"]!.GetValue<string>() == elementId);

    private async Task<Guid> StartCaseAsync(HttpClient applicant)
    {
        var response = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "approval", businessKey = "JD-2026-001" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task An_applicant_starts_a_case_that_another_district_cannot_see_or_touch()
    {
        using var applicant = await SignInAsync("applicant");
        using var stranger = await SignInAsync("applicant2");
        var caseId = await StartCaseAsync(applicant);

        (await stranger.GetAsync($"/api/cases/{caseId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        HasTaskOf(await TasksAsync(stranger), caseId, "submit").Should().BeFalse();
        var submit = (await TasksAsync(applicant)).Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!;
        var meddling = await stranger.PostAsJsonAsync($"/api/tasks/{submit["id"]}/complete", new { comment = "越权" });
        meddling.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await meddling.Content.ReadAsStringAsync()).Should().Contain("不存在或无权查看");
        HasTaskOf(await TasksAsync(applicant), caseId, "submit").Should().BeTrue("the refused completion changed nothing");
    }

    [Fact]
    public async Task The_case_goes_from_the_applicant_to_its_own_district_and_not_to_other_roles()
    {
        using var applicant = await SignInAsync("applicant");
        using var district = await SignInAsync("district");
        using var street = await SignInAsync("street");
        var caseId = await StartCaseAsync(applicant);
        var submit = (await TasksAsync(applicant)).Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!;

        var submitted = await applicant.PostAsJsonAsync($"/api/tasks/{submit["id"]}/complete",
            new { variables = new { homeName = "嘉定工业区科技工作者之家" }, comment = "请审核" });
        submitted.StatusCode.Should().Be(HttpStatusCode.OK);

        HasTaskOf(await TasksAsync(street), caseId, "review").Should().BeFalse("the review is the district's");
        HasTaskOf(await TasksAsync(district), caseId, "review").Should().BeTrue();
        var seen = await district.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        seen!["variables"]!["homeName"]!.GetValue<string>().Should().Be("嘉定工业区科技工作者之家");
    }

    [Fact]
    public async Task An_approver_cannot_start_a_case_and_a_refusal_is_problem_json()
    {
        using var district = await SignInAsync("district");

        var response = await district.PostAsJsonAsync("/api/cases", new { definitionKey = "approval" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("只有申报单位可以发起申报");
    }

    [Fact]
    public async Task An_unknown_process_is_a_problem_naming_it()
    {
        using var applicant = await SignInAsync("applicant");

        var response = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "nosuch" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["code"]!.GetValue<string>().Should().Be("definition-not-found");
        problem["title"]!.GetValue<string>().Should().Contain("nosuch");
    }

    [Theory]
    [InlineData("GET", "/api/tasks")]
    [InlineData("GET", "/api/cases/00000000-0000-0000-0000-000000000001")]
    [InlineData("POST", "/api/cases")]
    public async Task Nothing_is_answered_without_signing_in(string method, string path)
    {
        using var anonymous = _host.Factory.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { definitionKey = "approval" }) : null,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_sign_in_of_a_person_who_was_removed_is_answered_401_not_an_error()
    {
        using var applicant = await SignInAsync("applicant");
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KxHome.Host.Identity.AppUser>>();
            (await users.DeleteAsync((await users.FindByEmailAsync("applicant@kxhome.demo"))!)).Succeeded.Should().BeTrue();
        }

        var response = await applicant.GetAsync("/api/tasks");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("请重新登录");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
