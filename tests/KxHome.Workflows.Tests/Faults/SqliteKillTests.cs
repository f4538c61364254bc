using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Benchmarks;
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

    private readonly string _folder = Directory.CreateTempSubdirectory("kxhome-kill-").FullName;

    private string Database => Path.Combine(_folder, "kxhome.db");

    [Fact]
    public async Task A_host_killed_under_load_keeps_every_acknowledged_step_and_every_case_goes_on_to_its_end()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var acknowledged = new ConcurrentDictionary<Guid, int>(); // case → the last step whose answer arrived (1 started, 2 submitted, 3 decided)
        using (var host = await HostProcess.StartAsync(RepositoryPaths.Root, _folder, Database, url))
        {
            await FaultDriver.DeployAsync(url);
            using var applicant = await FaultDriver.SignInAsync(url, "applicant");
            using var district = await FaultDriver.SignInAsync(url, "district");
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var load = Enumerable.Range(0, Workers)
                .Select(_ => Task.Run(() => DriveUntilRefusedAsync(applicant, district, acknowledged, enough, stop.Token))).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromMinutes(2)); // the workers say when the load has run far enough
            host.Kill();
            await Task.WhenAll(load);
        }
        output.WriteLine($"kill.acknowledged_steps: {acknowledged.Values.Sum()}");
        acknowledged.Values.Sum().Should().BeGreaterThanOrEqualTo(AcknowledgedBeforeKill, "the load ran before the kill");
        IntegrityCheck().Should().Be("ok");

        using (await HostProcess.StartAsync(RepositoryPaths.Root, _folder, Database, url))
        {
            using var applicant = await FaultDriver.SignInAsync(url, "applicant");
            using var district = await FaultDriver.SignInAsync(url, "district");
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

    /// <summary>
    /// Starts, submits and decides cases one after another until the host stops answering; records each answer, and
    /// completes <paramref name="enough"/> once <see cref="AcknowledgedBeforeKill"/> steps are acknowledged.
    /// </summary>
    private static async Task DriveUntilRefusedAsync(HttpClient applicant, HttpClient district, ConcurrentDictionary<Guid, int> acknowledged,
        TaskCompletionSource enough, CancellationToken stop)
    {
        void Acknowledge(Guid caseId, int step)
        {
            acknowledged[caseId] = step;
            if (acknowledged.Values.Sum() >= AcknowledgedBeforeKill) enough.TrySetResult();
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                var caseId = await FaultDriver.StartAsync(applicant, stop);
                Acknowledge(caseId, 1);
                await FaultDriver.CompleteAsync(applicant, caseId, stop);
                Acknowledge(caseId, 2);
                await FaultDriver.CompleteAsync(district, caseId, stop);
                Acknowledge(caseId, 3);
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
