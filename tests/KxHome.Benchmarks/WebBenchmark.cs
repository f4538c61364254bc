using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace KxHome.Benchmarks;

/// <summary>
/// The pages and the API under load with a large database: the host (Release build) runs as its own process on
/// loopback; one real case is made through the API (applied, approved by the street, waiting for the district),
/// then copied in SQL to <c>instances</c> cases with three tasks each, spread over a thousand organisations (one
/// case in a thousand belongs to the demo park; the copies' deadlines are spread over the year after next month, so
/// the reminder scan has as much to do as on a real day, not a hundred thousand reminders at once). A bounded load,
/// Debian's wrk with <see cref="Concurrency"/> connections, then asks for the inbox, 我的申报 and the task API;
/// /health, measured in the same rounds, is the baseline. (wrk, written in C, leaves the two cores to the host; a
/// .NET load loop in a third process took a large share of them and measured itself as much as the host.)
/// </summary>
internal static partial class WebBenchmark
{
    public const int Concurrency = 8;
    private const string DemoPark = "jd-industrial-park";

    public sealed record Figures(double InboxP95, double MyCasesP95, double ApiTasksP95, double HealthP95, long Instances, long Tasks);

    /// <summary>
    /// Measures on a fresh database, deleted afterwards; or, with <paramref name="keep"/>, on the one kept in that
    /// folder by an earlier run (made there the first time): the quick loop while tuning the host.
    /// </summary>
    public static async Task<Figures> RunAsync(string root, int instances, int secondsPerRound, string? keep = null)
    {
        var folder = keep is null ? Directory.CreateTempSubdirectory("kxhome-web-bench-").FullName : Directory.CreateDirectory(keep).FullName;
        var database = Path.Combine(folder, "kxhome.db");
        try
        {
            var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
            if (!File.Exists(database))
            {
                using (var host = await HostProcess.StartAsync(root, folder, database, url))
                {
                    await MakeTemplateCaseAsync(url);
                }
                Copy(database, instances);
            }
            var (cases, tasks) = Counts(database);
            using var server = await HostProcess.StartAsync(root, folder, database, url);
            var script = Path.Combine(folder, "p95.lua");
            File.WriteAllText(script, WrkScript);
            var routes = new (string Name, string Path, string? Header)[]
            {
                ("health", "/health", null),
                ("inbox", "/inbox", $"Cookie: {await PageCookieAsync(url, "district")}"),
                ("cases", "/cases", $"Cookie: {await PageCookieAsync(url, "applicant")}"),
                ("api", "/api/tasks", $"Authorization: Bearer {await BearerTokenAsync(url, "district")}"),
            };
            foreach (var (_, path, header) in routes) await LoadAsync(url + path, header, script, seconds: 3); // warm up
            var p95 = routes.ToDictionary(r => r.Name, _ => new List<double>());
            for (var round = 0; round < 5; round++)
            {
                foreach (var (name, path, header) in routes) p95[name].Add(await LoadAsync(url + path, header, script, secondsPerRound));
            }
            return new Figures(Report.Median(p95["inbox"]), Report.Median(p95["cases"]), Report.Median(p95["api"]), Report.Median(p95["health"]), cases, tasks);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>wrk's report: the p95 latency and how many answers were not 200 (a lost session redirects fast).</summary>
    internal const string WrkScript = """
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) other = 0 end
        function response(status, headers, body) if status ~= 200 then other = other + 1 end end
        function done(summary, latency, requests)
          local bad = 0
          for _, thread in ipairs(threads) do bad = bad + thread:get("other") end
          io.write(string.format("p95_us %d requests %d other %d\n", latency:percentile(95), summary.requests, bad))
        end
        """;

    /// <summary>GETs the address from <see cref="Concurrency"/> connections for the given time; the p95 latency in ms.</summary>
    internal static async Task<double> LoadAsync(string address, string? header, string script, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t2", $"-c{Concurrency}", $"-d{seconds}s", "-s", script }) start.ArgumentList.Add(argument);
        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }
        start.ArgumentList.Add(address);
        Process wrk;
        try
        {
            wrk = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("The web benchmark needs wrk: apt-get install wrk");
        }
        using (wrk)
        {
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var match = WrkPattern().Match(output);
            if (wrk.ExitCode != 0 || !match.Success) throw new InvalidOperationException($"wrk failed on {address}: {output}{await wrk.StandardError.ReadToEndAsync()}");
            if (match.Groups[3].Value != "0") throw new InvalidOperationException($"{address}: {match.Groups[3].Value} of {match.Groups[2].Value} answers were not 200");
            return long.Parse(match.Groups[1].Value) / 1000.0;
        }
    }

    [GeneratedRegex(@"p95_us (\d+) requests (\d+) other (\d+)")]
    private static partial Regex WrkPattern();

    /// <summary>
    /// Through the API: an administrator keeps this year's certification call open to the end of the year (the benchmark may
    /// run after June 15), the demo applicant applies, the street pre-checks; the case waits for the district.
    /// </summary>
    private static async Task MakeTemplateCaseAsync(string url)
    {
        using var admin = await BearerAsync(url, "admin");
        var open = await admin.PutAsJsonAsync($"/api/policy/Jiading/{DateTime.UtcNow.AddHours(8).Year}", new { values = new Dictionary<string, string> { ["FilingDeadline"] = "12-31" } });
        if (!open.IsSuccessStatusCode) throw new InvalidOperationException($"policy: {await open.Content.ReadAsStringAsync()}");
        using var applicant = await BearerAsync(url, "applicant");
        using var street = await BearerAsync(url, "street");
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        if (!started.IsSuccessStatusCode) throw new InvalidOperationException($"start: {await started.Content.ReadAsStringAsync()}");
        var caseId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await CompleteAsync(applicant, caseId, "complete", new
        {
            variables = new
            {
                homeName = "嘉定工业区科技工作者之家", homeKind = "Park", address = "嘉定区叶城路 1288 号", areaM2 = 45, personInCharge = "王芳",
                administrator = "李娜", phone = "021-59990000", innovationEvents = 6, outreachEvents = 3, plan = "依托园区服务中心建设阵地，每月组织技术沙龙和供需对接活动。", pledge = true,
            },
        });
        await CompleteAsync(street, caseId, "complete", new { variables = new { inCluster = true, approved = true, opinion = "同意" } });
        using var district = await BearerAsync(url, "district");
        await TaskOfAsync(district, caseId); // the case waits for the district
    }

    /// <summary>The client's open task of the case, once the flow's jobs (登记申报, 核对科技集聚区) have run on the host.</summary>
    private static async Task<JsonNode> TaskOfAsync(HttpClient client, Guid caseId)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var todo = await client.GetFromJsonAsync<JsonObject>("/api/tasks");
            if (todo!["items"]!.AsArray().FirstOrDefault(t => t!["instanceId"]!.GetValue<Guid>() == caseId) is { } task) return task;
            await Task.Delay(200); // waiting for the host's job worker, not timing anything
        }
        throw new TimeoutException($"No task of case {caseId} within 60 s.");
    }

    private static async Task CompleteAsync(HttpClient client, Guid caseId, string operation, object body)
    {
        var task = await TaskOfAsync(client, caseId);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task["id"]}/{operation}", body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{operation}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Copies the one case (and its tasks and candidates) until there are <paramref name="instances"/>.</summary>
    private static void Copy(string database, int instances)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"""
            CREATE TEMP TABLE Copies AS
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {instances - 1})
            SELECT i, {NewGuid} AS InstanceId,
                   CASE WHEN i % 1000 = 0 THEN '{DemoPark}' ELSE printf('org-%04d', i % 1000) END AS Owner
            FROM n;
            CREATE TEMP TABLE TaskCopies AS
            SELECT c.i, c.InstanceId, c.Owner, t.Id AS TemplateId, {NewGuid} AS Id FROM Copies c CROSS JOIN UserTasks t;
            INSERT INTO Instances (Id, DefinitionId, DefinitionKey, DefinitionVersion, BusinessKey, Status, StartedAt, EndedAt, StartedBy, State, Owner, ParentInstanceId, Revision, Number)
            SELECT c.InstanceId, DefinitionId, DefinitionKey, DefinitionVersion, BusinessKey, Status,
                   strftime('%Y-%m-%d %H:%M:%f', StartedAt, printf('-%d minutes', c.i)), EndedAt, StartedBy, State, c.Owner, NULL, {NewGuid},
                   printf('%s-%06d', Number, c.i)
            FROM Copies c CROSS JOIN Instances;
            INSERT INTO UserTasks (Id, InstanceId, TokenId, ElementId, Name, DefinitionKey, BusinessKey, Owner, Assignee, FormKey, DueAt, Priority, State, CreatedAt, EndedAt, CompletedBy, Revision, DelegatedBy, PendingSigners, CaseNumber)
            SELECT c.Id, c.InstanceId, TokenId, ElementId, Name, DefinitionKey, BusinessKey, c.Owner,
                   CASE WHEN c.Owner = '{DemoPark}' THEN Assignee ELSE NULL END, FormKey,
                   CASE WHEN DueAt IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f', DueAt, printf('+%d days', 60 + c.i % 300)) END,
                   Priority, State,
                   strftime('%Y-%m-%d %H:%M:%f', CreatedAt, printf('-%d minutes', c.i)), EndedAt,
                   CASE WHEN CompletedBy IS NULL OR c.Owner = '{DemoPark}' THEN CompletedBy ELSE printf('user-%04d', c.i % 5000) END,
                   {NewGuid}, DelegatedBy, PendingSigners, printf('%s-%06d', t.CaseNumber, c.i)
            FROM TaskCopies c JOIN UserTasks t ON t.Id = c.TemplateId;
            INSERT INTO TaskCandidates (TaskId, Kind, Value)
            SELECT c.Id, k.Kind, k.Value FROM TaskCopies c JOIN TaskCandidates k ON k.TaskId = c.TemplateId;
            """);
        transaction.Commit();
        Execute(connection, "ANALYZE;");
    }

    private static (long Instances, long Tasks) Counts(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        return (Count(connection, "Instances"), Count(connection, "UserTasks"));
    }

    /// <summary>A new random GUID in the text form EF Core stores (upper case, with dashes).</summary>
    internal const string NewGuid =
        "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    internal static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<string> BearerTokenAsync(string url, string login)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{login}@kxhome.demo", password = "Demo@2026" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    internal static async Task<HttpClient> BearerAsync(string url, string login)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await BearerTokenAsync(url, login));
        return client;
    }

    /// <summary>The session cookie of the pages (<c>name=value</c>), signed in through the login form.</summary>
    internal static async Task<string> PageCookieAsync(string url, string login)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var form = await client.GetStringAsync("/login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value);
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = $"{login}@kxhome.demo", ["Password"] = "Demo@2026", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{login} could not sign in");
        var session = cookies.GetCookies(new Uri(url))["kxhome"] ?? throw new InvalidOperationException($"{login} got no session cookie");
        return $"{session.Name}={session.Value}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
