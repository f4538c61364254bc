using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Host;

public sealed class DefinitionsApiTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    private static readonly string Waiting = Bpmn.Process("supplement", """
        <startEvent id="start" />
        <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
        <userTask id="check" camunda:candidateGroups="district" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "wait") + Bpmn.Flow("f2", "wait", "check") + Bpmn.Flow("f3", "check", "end"))
        .Replace("<process ", """<message id="m" name="材料补正" /><process """);

    [Fact]
    public async Task Everyone_signed_in_lists_the_flows_and_only_an_administrator_deploys_one()
    {
        using var applicant = await _host.SignInAsync("applicant");
        using var district = await _host.SignInAsync("district");
        using var admin = await _host.SignInAsync("admin");

        (await applicant.GetFromJsonAsync<JsonArray>("/api/definitions"))!.Select(d => d!["key"]!.GetValue<string>()).Should().Contain("certification");
        (await district.PostAsJsonAsync("/api/definitions", new { xml = Waiting })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var deployed = await admin.PostAsJsonAsync("/api/definitions", new { xml = Waiting });

        deployed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetStringAsync("/api/definitions/supplement:1/xml")).Should().Contain("材料补正");
        (await district.GetAsync("/api/definitions/supplement:1/xml")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_flow_with_problems_is_refused_as_problem_json_naming_each_element()
    {
        using var admin = await _host.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/definitions", new { xml = Waiting.Replace("targetRef=\"check\"", "targetRef=\"nowhere\"") });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["problems"]!.AsArray().Should().Contain(p => p!["elementId"]!.GetValue<string>() == "f2");
    }

    [Fact]
    public async Task An_administrator_sends_a_message_to_a_case_and_cancels_another()
    {
        using var applicant = await _host.SignInAsync("applicant");
        using var district = await _host.SignInAsync("district");
        using var admin = await _host.SignInAsync("admin");
        await admin.PostAsJsonAsync("/api/definitions", new { xml = Waiting });
        async Task<Guid> Start(string businessKey) =>
            (await (await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "supplement", businessKey }))
                .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var first = await Start("JD-1");
        var second = await Start("JD-2");

        (await district.PostAsJsonAsync("/api/messages", new { messageName = "材料补正", businessKey = "JD-1" })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/messages", new { messageName = "材料补正", businessKey = "JD-1" })).StatusCode
            .Should().Be(HttpStatusCode.OK);
        var nobody = await admin.PostAsJsonAsync("/api/messages", new { messageName = "材料补正", businessKey = "JD-9" });
        nobody.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await nobody.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().Should().Be("message-not-correlated");
        (await district.PostAsJsonAsync($"/api/cases/{second}/cancel", new { reason = "重复申报" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"/api/cases/{second}/cancel", new { reason = "重复申报" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{first}"))!["activeElements"]![0]!["elementId"]!.GetValue<string>().Should().Be("check");
        (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{second}"))!["status"]!.GetValue<string>().Should().Be("Cancelled");
        var again = await admin.PostAsJsonAsync($"/api/cases/{second}/cancel", new { reason = "再次" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Retrying_an_incident_that_does_not_exist_is_a_clear_404()
    {
        using var admin = await _host.SignInAsync("admin");

        var response = await admin.PostAsync($"/api/incidents/{Guid.NewGuid()}/retry", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().Should().Be("异常不存在");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
