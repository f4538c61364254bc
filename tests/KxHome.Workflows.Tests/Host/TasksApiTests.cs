using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Host;

/// <summary>The task API: form data checked as on the pages, operations refused with problem+json naming the field, lists paged.</summary>
public sealed class TasksApiTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    private static async Task<Guid> StartAsync(HttpClient applicant)
    {
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        started.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> OpenTaskAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/tasks?size=100"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!.AsObject();

    [Fact]
    public async Task Form_data_is_checked_against_the_form_and_a_refusal_names_the_field_and_changes_nothing()
    {
        using var applicant = await _host.SignInAsync("applicant");
        var caseId = await StartAsync(applicant);
        var apply = await OpenTaskAsync(applicant, caseId);
        var data = PortalPagesTests.ValidApplication();
        data["areaM2"] = 12;

        var refused = await applicant.PostAsJsonAsync($"/api/tasks/{apply["id"]}/complete", new { variables = data });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["areaM2"]![0]!.GetValue<string>().Should().Contain("不能小于 30");
        (await OpenTaskAsync(applicant, caseId))["elementId"]!.GetValue<string>().Should().Be("apply", "nothing was submitted");

        data["areaM2"] = 45;
        data["approved"] = true;
        (await applicant.PostAsJsonAsync($"/api/tasks/{apply["id"]}/complete", new { variables = data })).StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!;
        seen["variables"]!.AsObject().Should().NotContainKey("approved", "only the form's fields are kept");
    }

    [Fact]
    public async Task An_approver_claims_returns_and_rejects_and_each_needs_what_it_needs()
    {
        using var applicant = await _host.SignInAsync("applicant");
        using var street = await _host.SignInAsync("street");
        var caseId = await StartAsync(applicant);
        var apply = await OpenTaskAsync(applicant, caseId);
        await applicant.PostAsJsonAsync($"/api/tasks/{apply["id"]}/complete", new { variables = PortalPagesTests.ValidApplication() });
        var review = await OpenTaskAsync(street, caseId);

        var claimed = await street.PostAsync($"/api/tasks/{review["id"]}/claim", null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await claimed.Content.ReadFromJsonAsync<JsonObject>())!["assignee"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var steps = await street.GetFromJsonAsync<JsonArray>($"/api/tasks/{review["id"]}/steps");
        steps!.Select(s => s!["elementId"]!.GetValue<string>()).Should().Equal("apply");

        var noReason = await street.PostAsJsonAsync($"/api/tasks/{review["id"]}/reject", new { comment = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noReason.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await noReason.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().Should().Be("请填写不同意的理由");

        var correction = await street.PostAsJsonAsync($"/api/tasks/{review["id"]}/correction", new { comment = "请补充场地照片" });
        correction.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await OpenTaskAsync(applicant, caseId);
        again["elementId"]!.GetValue<string>().Should().Be("apply", "the case is back with the applicant for 补正");
    }

    [Fact]
    public async Task Lists_are_paged_and_a_wrong_tab_is_a_problem_naming_it()
    {
        using var applicant = await _host.SignInAsync("applicant");
        await StartAsync(applicant);
        await StartAsync(applicant);

        var first = (await applicant.GetFromJsonAsync<JsonObject>("/api/cases?page=1&size=1"))!;
        var second = (await applicant.GetFromJsonAsync<JsonObject>("/api/cases?page=2&size=1"))!;

        first["items"]!.AsArray().Should().HaveCount(1);
        first["hasMore"]!.GetValue<bool>().Should().BeTrue();
        second["hasMore"]!.GetValue<bool>().Should().BeFalse();
        second["items"]![0]!["id"]!.GetValue<Guid>().Should().NotBe(first["items"]![0]!["id"]!.GetValue<Guid>());
        var wrong = await applicant.GetAsync("/api/tasks?tab=mine");
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["field"]!.GetValue<string>().Should().Be("tab");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
