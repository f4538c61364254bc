using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

public sealed class AdministrationApiTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly string _calendars = Directory.CreateTempSubdirectory("kxhome-calendars-").FullName;

    private static readonly string Rectification = Bpmn.Process("rectification", """
        <startEvent id="start" /><userTask id="rectify" name="整改" camunda:candidateGroups="applicant" />
        <boundaryEvent id="window" name="整改期限" attachedToRef="rectify"><timerEventDefinition><timeDuration>P1Y</timeDuration></timerEventDefinition></boundaryEvent>
        <endEvent id="done" /><endEvent id="revoked" />
        """ + Bpmn.Flow("f1", "start", "rectify") + Bpmn.Flow("f2", "rectify", "done") + Bpmn.Flow("f3", "window", "revoked"));

    private async Task<Guid> StartRectificationAsync(HttpClient applicant)
    {
        await _host.Factory.Services.GetRequiredService<WorkflowEngine>().DeployAsync(Rectification);
        var response = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "rectification" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task A_case_s_deadlines_are_visible_to_those_who_see_the_case_and_only_an_administrator_extends_them()
    {
        using var applicant = await _host.SignInAsync("applicant");
        using var stranger = await _host.SignInAsync("applicant2");
        using var district = await _host.SignInAsync("district");
        using var admin = await _host.SignInAsync("admin");
        var caseId = await StartRectificationAsync(applicant);

        var deadline = (await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/deadlines"))!.Single()!;
        (await stranger.GetAsync($"/api/cases/{caseId}/deadlines")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var due = deadline["dueAt"]!.GetValue<DateTime>();
        var extension = new { reason = "受台风影响顺延", dueAt = due.AddDays(30) };

        (await district.PostAsJsonAsync($"/api/deadlines/{deadline["id"]}/extend", extension)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"/api/deadlines/{deadline["id"]}/extend", extension)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var after = (await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/deadlines"))!.Single()!;
        after["dueAt"]!.GetValue<DateTime>().Should().Be(due.AddDays(30));
        var earlier = await admin.PostAsJsonAsync($"/api/deadlines/{deadline["id"]}/extend", new { reason = "提前", dueAt = due });
        earlier.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await earlier.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().Should().Be("timer-not-later");
    }

    [Fact]
    public async Task An_administrator_makes_a_waiting_deadline_due_now_with_a_reason_and_it_fires()
    {
        using var applicant = await _host.SignInAsync("applicant");
        using var admin = await _host.SignInAsync("admin");
        var caseId = await StartRectificationAsync(applicant);
        var deadline = (await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/deadlines"))!.Single()!;

        var bare = await admin.PostAsJsonAsync($"/api/deadlines/{deadline["id"]}/due-now", new { reason = "" });
        bare.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a repair says why");
        (await admin.PostAsJsonAsync($"/api/deadlines/{deadline["id"]}/due-now", new { reason = "整改已由上级确认终止" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        await engine.ExecuteDueTimersAsync();

        var ended = await engine.Queries.GetInstanceAsync(caseId);
        ended.Status.Should().Be(InstanceStatus.Completed);
        ended.History.Should().Contain(h => h.ElementId == "revoked" && h.Kind == HistoryKind.ElementLeft);
        ended.History.Should().Contain(h => h.Kind == HistoryKind.TimerDueNow && h.Comment == "整改已由上级确认终止");
    }

    [Fact]
    public async Task The_real_clock_cannot_be_moved_even_by_an_administrator()
    {
        await using var real = new TestHost(realClock: true);
        using var admin = await real.SignInAsync("admin");

        (await admin.GetFromJsonAsync<JsonObject>("/api/clock"))!["isVirtual"]!.GetValue<bool>().Should().BeFalse();
        var response = await admin.PostAsJsonAsync("/api/clock/advance", new { by = "P1Y" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Clock:Mode=Virtual");
    }

    [Fact]
    public async Task In_a_training_host_an_administrator_advances_the_clock_a_year_and_the_deadline_fires()
    {
        await using var training = new TestHost();
        var factory = training.New(web => web.UseSetting("Clock:Mode", "Virtual"));
        await using var _ = factory;
        Task<HttpClient> SignIn(string login) => TestHost.SignInAsync(factory, login);
        using var applicant = await SignIn("applicant");
        using var admin = await SignIn("admin");
        await factory.Services.GetRequiredService<WorkflowEngine>().DeployAsync(Rectification);
        var caseId = (await (await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "rectification" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        (await applicant.PostAsJsonAsync("/api/clock/advance", new { by = "P1Y" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var advanced = await admin.PostAsJsonAsync("/api/clock/advance", new { by = "P1Y" });

        advanced.StatusCode.Should().Be(HttpStatusCode.OK);
        (await advanced.Content.ReadFromJsonAsync<JsonObject>())!["firedTimers"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);
        using var again = await SignIn("applicant"); // a year later the old sign-in has expired
        (await again.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["status"]!.ToString().Should().Be("Completed");
    }

    [Fact]
    public async Task The_calendar_warns_about_a_year_not_entered_and_an_administrator_enters_it()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Workflows, "calendars")))
        {
            File.Copy(file, Path.Combine(_calendars, Path.GetFileName(file)));
        }
        var factory = _host.New(web => web.UseSetting("Workflows:CalendarFolder", _calendars));
        await using var _ = factory;
        Task<HttpClient> SignIn(string login) => TestHost.SignInAsync(factory, login);
        using var district = await SignIn("district");
        using var admin = await SignIn("admin");

        var before = (await district.GetFromJsonAsync<JsonObject>("/api/calendar"))!;
        var missing = before["missingYears"]!.AsArray().Select(y => y!.GetValue<int>()).ToList();
        missing.Should().NotBeEmpty("only 2025 and 2026 are published");
        before["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Contain(w => w.StartsWith($"{missing[0]}年节假日安排未录入"));

        var year = new
        {
            year = missing[0], notice = $"国务院办公厅关于{missing[0]}年部分节假日安排的通知",
            holidays = new[] { new { name = "国庆节", dates = new[] { $"{missing[0]}-10-01" } } },
            makeUpWorkdays = Array.Empty<object>(),
        };
        (await district.PutAsJsonAsync($"/api/calendar/{missing[0]}", year)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PutAsJsonAsync($"/api/calendar/{missing[0]}", year)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var after = (await district.GetFromJsonAsync<JsonObject>("/api/calendar"))!;
        after["missingYears"]!.AsArray().Select(y => y!.GetValue<int>()).Should().NotContain(missing[0]);
        File.Exists(Path.Combine(_calendars, $"{missing[0]}.json")).Should().BeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_calendars, recursive: true);
    }
}
