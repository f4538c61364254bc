using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The case's open task the client sees, once the flow's jobs (登记申报) have run.</summary>
    private async Task<JsonObject> OpenTaskAsync(HttpClient client, Guid caseId, string elementId)
    {
        JsonObject? task = null;
        await JobRuns.UntilAsync(_host.Factory.Services.GetRequiredService<WorkflowEngine>(), async () =>
            (task = (await client.GetFromJsonAsync<JsonObject>("/api/tasks?size=100"))!["items"]!.AsArray()
                .FirstOrDefault(t => t!["instanceId"]!.GetValue<Guid>() == caseId && t["elementId"]!.GetValue<string>() == elementId)?.AsObject()) is not null);
        return task ?? throw new InvalidOperationException($"no open task at {elementId}");
    }

    [Fact]
    public async Task Form_data_is_checked_against_the_form_and_a_refusal_names_the_field_and_changes_nothing()
    {
        using var applicant = await _host.SignInAsync("applicant");
        var caseId = await StartAsync(applicant);
        var apply = await OpenTaskAsync(applicant, caseId, "apply");
        var data = PortalPagesTests.ValidApplication();
        data["areaM2"] = 12;
        data.Remove("address");

        var refused = await applicant.PostAsJsonAsync($"/api/tasks/{apply["id"]}/complete", new { variables = data });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["areaM2"]![0]!.GetValue<string>().Should().Be("R1：企业/园区之家场地面积不低于 30 平方米，申报为 12 平方米");
        problem["errors"]!["address"]![0]!.GetValue<string>().Should().Be("阵地地址：此项为必填项", "the form's and the rule's problems come together");
        (await OpenTaskAsync(applicant, caseId, "apply"))["id"]!.GetValue<Guid>().Should().Be(apply["id"]!.GetValue<Guid>(), "nothing was submitted");

        data["areaM2"] = 45;
        data["address"] = "嘉定区叶城路 1288 号";
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
        using var district = await _host.SignInAsync("district");
        var caseId = await StartAsync(applicant);
        var apply = await OpenTaskAsync(applicant, caseId, "apply");
        await applicant.PostAsJsonAsync($"/api/tasks/{apply["id"]}/complete", new { variables = PortalPagesTests.ValidApplication() });
        var check = await OpenTaskAsync(street, caseId, "streetReview");
        var bare = await street.PostAsJsonAsync($"/api/tasks/{check["id"]}/approve", new { comment = "同意" });
        bare.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the street pre-check has a form to fill in");
        (await bare.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().Should().Be("“街镇科协初审”需要填写表单，请在待办页面填写后提交");
        (await street.PostAsJsonAsync($"/api/tasks/{check["id"]}/complete", new { variables = new { inCluster = true, approved = true, opinion = "同意上报" } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var review = await OpenTaskAsync(district, caseId, "districtReview");

        var claimed = await district.PostAsync($"/api/tasks/{review["id"]}/claim", null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await claimed.Content.ReadFromJsonAsync<JsonObject>())!["assignee"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var steps = await district.GetFromJsonAsync<JsonArray>($"/api/tasks/{review["id"]}/steps");
        steps!.Select(s => s!["elementId"]!.GetValue<string>()).Should().Equal("streetReview", "apply");

        var noReason = await district.PostAsJsonAsync($"/api/tasks/{review["id"]}/reject", new { comment = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noReason.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await noReason.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().Should().Be("请填写不同意的理由");

        var correction = await district.PostAsJsonAsync($"/api/tasks/{review["id"]}/correction", new { comment = "请补充场地照片" });
        correction.StatusCode.Should().Be(HttpStatusCode.OK);
        await OpenTaskAsync(applicant, caseId, "apply"); // back with the applicant for 补正
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
