using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Faults;

/// <summary>What the fault suites do to a host process through its API, as its people would.</summary>
internal static class FaultDriver
{
    /// <summary>The flow under load: the applicant submits, the district decides.</summary>
    public static readonly string Flow = Bpmn.Process("crash", """
        <startEvent id="start"/>
        <userTask id="submit" name="填写申报材料" camunda:candidateGroups="applicant"/>
        <userTask id="review" name="审核" camunda:candidateGroups="district"/>
        <endEvent id="end"/>
        """ + Bpmn.Flow("f1", "start", "submit") + Bpmn.Flow("f2", "submit", "review") + Bpmn.Flow("f3", "review", "end"));

    public static Task<HttpClient> SignInAsync(string url, string login) =>
        BearerClient.SignInAsync(new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) }, login);

    public static async Task DeployAsync(string url)
    {
        using var admin = await SignInAsync(url, "admin");
        (await admin.PostAsJsonAsync("/api/definitions", new { xml = Flow })).EnsureSuccessStatusCode();
    }

    public static async Task<Guid> StartAsync(HttpClient applicant, CancellationToken ct = default)
    {
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "crash" }, ct);
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<Guid>();
    }

    /// <summary>Completes the person's one open task of the case.</summary>
    public static async Task CompleteAsync(HttpClient person, Guid caseId, CancellationToken ct = default)
    {
        var task = (await person.GetFromJsonAsync<JsonObject>("/api/tasks", ct))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!["id"]!.GetValue<Guid>();
        (await person.PostAsJsonAsync($"/api/tasks/{task}/complete", new { comment = "办理" }, ct)).EnsureSuccessStatusCode();
    }
}
