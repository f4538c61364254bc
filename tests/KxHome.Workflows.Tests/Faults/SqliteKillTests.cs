using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Benchmarks;
using KxHome.Host.Identity;
using KxHome.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KxHome.Workflows.Tests.Faults;

/// <summary>
/// One host on SQLite, as its own process, killed with SIGKILL while people start, submit and decide cases; a new host
/// on the same files must hold every step that was acknowledged (an answer received), nothing half done, and every
/// case must still go on to its end.
/// </summary>
public sealed class SqliteKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 4;
    private const int AcknowledgedBeforeKill = 150;

    private static readonly string Flow = Bpmn.Process("crash", """
        <startEvent id="start"/>
        <userTask id="submit" name="填写申报材料" camunda:candidateGroups="applicant"/>
        <userTask id="review" name="审核" camunda:candidateGroups="district"/>
        <endEvent id="end"/>
        """ + Bpmn.Flow("f1", "start", "submit") + Bpmn.Flow("f2", "submit", "review") + Bpmn.Flow("f3", "review", "end"));

    private readonly string _folder = Directory.CreateTempSubdirectory("kxhome-kill-").FullName;

    private string Database => Path.Combine(_folder, "kxhome.db");

    [Fact]
    public async Task A_host_killed_under_load_keeps_every_acknowledged_step_and_every_case_goes_on_to_its_end()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var acknowledged = new ConcurrentDictionary<Guid, int>(); // case → the last step whose answer arrived (1 started, 2 submitted, 3 decided)
        using (var host = await HostProcess.StartAsync(RepositoryPaths.Root, _folder, Database, url))
        {
            using var admin = await SignInAsync(url, "admin");
            (await admin.PostAsJsonAsync("/api/definitions", new { xml = Flow })).EnsureSuccessStatusCode();
            using var applicant = await SignInAsync(url, "applicant");
            using var district = await SignInAsync(url, "district");
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => DriveUntilRefusedAsync(applicant, district, acknowledged, stop.Token))).ToList();

            var waited = Stopwatch.StartNew();
            while (acknowledged.Values.Sum() < AcknowledgedBeforeKill && waited.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(20); // waiting for load, not timing it
            host.Kill();
            await Task.WhenAll(load);
        }
        output.WriteLine($"kill.acknowledged_steps: {acknowledged.Values.Sum()}");
        acknowledged.Values.Sum().Should().BeGreaterThanOrEqualTo(AcknowledgedBeforeKill, "the load ran before the kill");
        IntegrityCheck().Should().Be("ok");

        using (await HostProcess.StartAsync(RepositoryPaths.Root, _folder, Database, url))
        {
            using var applicant = await SignInAsync(url, "applicant");
            using var district = await SignInAsync(url, "district");
            foreach (var (caseId, step) in acknowledged)
            {
                var view = await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
                Reached(view!).Should().BeGreaterThanOrEqualTo(step, $"case {caseId} was acknowledged at step {step}");
            }
            var cases = await AllCasesAsync(applicant);
            cases.Should().Contain(acknowledged.Keys);
            foreach (var caseId in cases) await FinishAsync(applicant, district, caseId);
            foreach (var caseId in cases)
            {
                (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["status"]!.GetValue<string>().Should().Be("Completed");
            }
        }
    }

    /// <summary>Starts, submits and decides cases one after another until the host stops answering; records each answer.</summary>
    private static async Task DriveUntilRefusedAsync(HttpClient applicant, HttpClient district, ConcurrentDictionary<Guid, int> acknowledged, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "crash" }, stop);
                started.EnsureSuccessStatusCode();
                var caseId = (await started.Content.ReadFromJsonAsync<JsonObject>(stop))!["id"]!.GetValue<Guid>();
                acknowledged[caseId] = 1;
                (await applicant.PostAsJsonAsync($"/api/tasks/{await OpenTaskAsync(applicant, caseId)}/complete", new { comment = "提交" }, stop)).EnsureSuccessStatusCode();
                acknowledged[caseId] = 2;
                (await district.PostAsJsonAsync($"/api/tasks/{await OpenTaskAsync(district, caseId)}/complete", new { comment = "同意" }, stop)).EnsureSuccessStatusCode();
                acknowledged[caseId] = 3;
            }
        }
        catch (HttpRequestException)
        {
            // the host was killed
        }
        catch (OperationCanceledException)
        {
            // bounded in time
        }
    }

    /// <summary>How far the case got: 1 waiting for the submission, 2 for the decision, 3 ended.</summary>
    private static int Reached(JsonObject view) =>
        view["status"]!.GetValue<string>() == "Completed" ? 3
        : view["activeElements"]!.AsArray().Single()!["elementId"]!.GetValue<string>() == "review" ? 2 : 1;

    /// <summary>Completes whatever is open on the case, as its people would, until it ends.</summary>
    private static async Task FinishAsync(HttpClient applicant, HttpClient district, Guid caseId)
    {
        for (var view = await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"); Reached(view!) < 3;
             view = await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))
        {
            var person = Reached(view!) == 1 ? applicant : district;
            var tasks = (await person.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray()
                .Where(t => t!["instanceId"]!.GetValue<Guid>() == caseId).ToList();
            tasks.Should().ContainSingle($"case {caseId} waits on exactly one task");
            (await person.PostAsJsonAsync($"/api/tasks/{tasks[0]!["id"]}/complete", new { comment = "继续" })).EnsureSuccessStatusCode();
        }
    }

    private static async Task<List<Guid>> AllCasesAsync(HttpClient applicant)
    {
        var all = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var items = (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases?page={page}&size=100"))!["items"]!.AsArray();
            all.AddRange(items.Select(i => i!["id"]!.GetValue<Guid>()));
            if (items.Count < 100) return all;
        }
    }

    private static async Task<Guid> OpenTaskAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!["id"]!.GetValue<Guid>();

    private static async Task<HttpClient> SignInAsync(string url, string login)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{login}@kxhome.demo", password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
