using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace KxHome.Benchmarks;

/// <summary>
/// Homes at a district's scale, on the Release host as its own process: the yearly assessment round opening one case
/// for each of 10,000 active homes when its timer fires (on a virtual clock moved by the administrator's API), and the
/// district's list of its homes with this year's figures over 1,000,000 ledger events, under the web figures' wrk load
/// with /health as the baseline in the same rounds.
/// </summary>
internal static class HomesBenchmark
{
    private const string Park = "jd-industrial-park";

    /// <summary>Seconds from moving the clock past the round's opening until every home has its case.</summary>
    public static async Task<(double Seconds, long Cases)> RoundAsync(string root, int homes)
    {
        var folder = Directory.CreateTempSubdirectory("kxhome-round-bench-").FullName;
        var database = Path.Combine(folder, "kxhome.db");
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        // The round's timer (every September 1) is armed on this clock; the round then opens on 年度考核开始日, October 1.
        var clock = new Dictionary<string, string> { ["Clock__Mode"] = "Virtual", ["Clock__Start"] = "2026-08-31T12:00:00+08:00" };
        try
        {
            using (await HostProcess.StartAsync(root, folder, database, url, clock)) { } // the schema, the flows, the demo people
            using (var connection = Open(database)) InsertHomes(connection, homes);
            using var host = await HostProcess.StartAsync(root, folder, database, url, clock);
            using var admin = await WebBenchmark.BearerAsync(url, "admin");
            admin.Timeout = TimeSpan.FromMinutes(10);
            var watch = Stopwatch.StartNew();
            var advanced = await admin.PostAsJsonAsync("/api/clock/advance", new { by = "P40D" });
            if (!advanced.IsSuccessStatusCode) throw new InvalidOperationException($"advance: {await advanced.Content.ReadAsStringAsync()}");
            long started;
            while ((started = Scalar(database, "SELECT COUNT(*) FROM Assessments WHERE CaseId IS NOT NULL")) < homes && watch.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(100); // waiting for the host's job worker to finish the round, timed by the stopwatch
            }
            return (watch.Elapsed.TotalSeconds, started);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>p95 of the district's 之家 page and of /health (ms), and the homes and events it lists them over.</summary>
    /// <remarks>With <paramref name="keep"/>, the database is kept in that folder and measured on again next time.</remarks>
    public static async Task<(double ListP95, double HealthP95, long Homes, long Events)> AreaListAsync(
        string root, int homes, int eventsPerHome, int secondsPerRound, string? keep = null)
    {
        var folder = keep is null ? Directory.CreateTempSubdirectory("kxhome-homes-bench-").FullName : Directory.CreateDirectory(keep).FullName;
        var database = Path.Combine(folder, "kxhome.db");
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        try
        {
            if (!File.Exists(database))
            {
                using (await HostProcess.StartAsync(root, folder, database, url)) { }
                using var connection = Open(database);
                InsertHomes(connection, homes);
                InsertEvents(connection, eventsPerHome);
                WebBenchmark.Execute(connection, "ANALYZE;");
            }
            var counts = (Scalar(database, "SELECT COUNT(*) FROM Homes"), Scalar(database, "SELECT COUNT(*) FROM ServiceEvents"));
            using var host = await HostProcess.StartAsync(root, folder, database, url);
            var script = Path.Combine(folder, "p95.lua");
            File.WriteAllText(script, WebBenchmark.WrkScript);
            var cookie = $"Cookie: {await WebBenchmark.PageCookieAsync(url, "district")}";
            await WebBenchmark.LoadAsync(url + "/health", null, script, seconds: 3); // warm up
            await WebBenchmark.LoadAsync(url + "/homes", cookie, script, seconds: 3);
            var list = new List<double>();
            var health = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                health.Add(await WebBenchmark.LoadAsync(url + "/health", null, script, secondsPerRound));
                list.Add(await WebBenchmark.LoadAsync(url + "/homes", cookie, script, secondsPerRound));
            }
            return (Report.Median(list), Report.Median(health), counts.Item1, counts.Item2);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null) Directory.Delete(folder, recursive: true);
        }
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        return connection;
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Active Jiading homes of the demo park (in the demo district), named last year, with their status history.</summary>
    private static void InsertHomes(SqliteConnection connection, int homes)
    {
        using var transaction = connection.BeginTransaction();
        WebBenchmark.Execute(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {homes})
            INSERT INTO Homes (Id, OrganisationId, Kind, Name, Address, AreaM2, PersonInCharge, Administrator, Phone, RuleSet, Status, InCluster,
                SixHaves_Place, SixHaves_Facilities, SixHaves_Staff, SixHaves_Funding, SixHaves_Activities, SixHaves_Rules, SixHaves_OpenFreeOfCharge,
                DesignatedOn, PlaqueNumber, PlaqueOn, CertificationCaseId, CreatedAt)
            SELECT {WebBenchmark.NewGuid}, '{Park}', CASE i % 3 WHEN 0 THEN 'Enterprise' WHEN 1 THEN 'Park' ELSE 'Street' END,
                printf('测试科技工作者之家%05d', i), '嘉定区', 60, '王芳', '李娜', '021-59990000', 'Jiading', 'Active', 1,
                1, 1, 1, 1, 1, 1, 1, '2025-05-20', printf('嘉科家〔2025〕第%05d号', i), '2025-05-20', NULL, '2025-05-20 00:00:00'
            FROM n;
            INSERT INTO HomeStatusChanges (HomeId, "From", "To", At, By, Reason, CaseId)
            SELECT Id, NULL, 'Active', '2025-05-20 00:00:00', NULL, '认定命名', NULL FROM Homes;
            """);
        transaction.Commit();
    }

    /// <summary>Events spread over this year's months up to last month, of every category, most reported the next day.</summary>
    private static void InsertEvents(SqliteConnection connection, int perHome)
    {
        var months = Math.Max(1, DateTime.UtcNow.AddHours(8).Month - 1);
        var year = DateTime.UtcNow.AddHours(8).Year;
        using var transaction = connection.BeginTransaction();
        WebBenchmark.Execute(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {perHome})
            INSERT INTO ServiceEvents (Id, HomeId, HeldOn, Category, Title, Participants, EnterprisesServed, PairedHomeId, NewsReportedAt, RecordedAt, RecordedBy)
            SELECT {WebBenchmark.NewGuid}, h.Id, printf('{year}-%02d-%02d', 1 + n.i % {months}, 1 + n.i % 28),
                CASE n.i % 7 WHEN 0 THEN 'TechSalon' WHEN 1 THEN 'SupplyChainMatching' WHEN 2 THEN 'PatentTraining' WHEN 3 THEN 'OtherInnovation'
                             WHEN 4 THEN 'CrossEnterpriseExchange' WHEN 5 THEN 'PartyBuilding' ELSE 'SciencePopularisation' END,
                '活动', 10 + n.i % 40, n.i % 3, NULL,
                CASE WHEN n.i % 10 = 0 THEN NULL ELSE printf('{year}-%02d-%02d 02:00:00', 1 + n.i % {months}, 2 + n.i % 27) END,
                '{year}-01-01 00:00:00', 'bench'
            FROM Homes h CROSS JOIN n;
            """);
        transaction.Commit();
    }
}
