using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace KxHome.Benchmarks;

/// <summary>
/// Chengdu's year-end tables (R26) for a whole province, on the Release host as its own process: 10,000 associations
/// (half enterprise, half park) in 20 districts, each with a term of five officers and a home with ten events this
/// year (100,000 in table 1-3); the three tables downloaded as one .xlsx and the province's dashboard, timed against
/// /health in the same rounds, and the host's peak memory after.
/// </summary>
internal static class ReportsBenchmark
{
    public sealed record Figures(double YearEndSeconds, double DashboardSeconds, double HealthMs, double RssBeforeMb, double PeakRssMb, long Associations, long Events);

    public static async Task<Figures> YearEndAsync(string root, int associations, int eventsPerAssociation, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("kxhome-reports-bench-").FullName;
        var database = Path.Combine(folder, "kxhome.db");
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        try
        {
            using (await HostProcess.StartAsync(root, folder, database, url)) { } // the schema, the flows, the demo people
            long events;
            using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                connection.Open();
                Insert(connection, associations, eventsPerAssociation);
                WebBenchmark.Execute(connection, "ANALYZE;");
                using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM ServiceEvents";
                events = (long)count.ExecuteScalar()!;
            }
            using var host = await HostProcess.StartAsync(root, folder, database, url);
            using var admin = await WebBenchmark.BearerAsync(url, "admin");
            admin.Timeout = TimeSpan.FromMinutes(5);
            var year = DateTime.UtcNow.AddHours(8).Year;
            var workbook = $"/api/reports/year-end.xlsx?area=bench&year={year}";
            await TimeAsync(admin, "/health");
            var before = host.RssMb();
            await TimeAsync(admin, workbook); // warm up
            using var page = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            page.DefaultRequestHeaders.Add("Cookie", await WebBenchmark.PageCookieAsync(url, "admin"));
            var dashboard = $"/reports/dashboard?area=bench&year={year}";
            await TimeAsync(page, dashboard); // warm up
            var seconds = new List<double>();
            var charts = new List<double>();
            var health = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                health.Add(await TimeAsync(admin, "/health") * 1000);
                seconds.Add(await TimeAsync(admin, workbook));
                charts.Add(await TimeAsync(page, dashboard));
            }
            return new Figures(Report.Median(seconds), Report.Median(charts), Report.Median(health), before, host.PeakRssMb(), associations, events);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Seconds until the whole answer has arrived.</summary>
    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return watch.Elapsed.TotalSeconds;
    }

    private static void Insert(SqliteConnection connection, int associations, int perAssociation)
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        using var transaction = connection.BeginTransaction();
        WebBenchmark.Execute(connection, $"""
            INSERT INTO Organisations (Id, Name, Kind, ParentId, RuleSet) VALUES ('bench', '测试省科协', 'Province', NULL, NULL);
            WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM d WHERE i < 20)
            INSERT INTO Organisations (Id, Name, Kind, ParentId, RuleSet) SELECT printf('bench-d%02d', i), printf('测试%02d区科协', i), 'District', 'bench', NULL FROM d;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {associations})
            INSERT INTO Organisations (Id, Name, Kind, ParentId, RuleSet)
            SELECT printf('bench-a%05d', i), printf('测试单位%05d科协', i), CASE i % 2 WHEN 0 THEN 'Enterprise' ELSE 'Park' END, printf('bench-d%02d', 1 + i % 20), NULL FROM n;
            INSERT INTO Associations (Id, OrganisationId, Name, Kind, Status, Ownership, FoundedBy, ApprovalNumber, ApprovedOn, FoundedOn, Address,
                SecretariatUnit, LegalRepresentative, LegalRepresentativeTitle, LegalRepresentativePhone, UnitMembers, IndividualMembers, Employees,
                ScienceStaff, PartyCommittee, PartyConsentOn, HomeId, FoundingCaseId, CreatedAt)
            SELECT {WebBenchmark.NewGuid}, Id, Name || '（科学技术协会）', CASE Kind WHEN 'Enterprise' THEN 'Enterprise' ELSE 'Park' END, 'Active', 'Private',
                'Approval', '测科协〔2024〕1号', '2024-03-01', '2024-03-01', '测试市测试路 1 号', '科创服务中心', '张三', '董事长', '13800000000',
                30, 400, 5000, 1200, '党工委', '2024-02-01', NULL, {WebBenchmark.NewGuid}, '2024-03-01 00:00:00'
            FROM Organisations WHERE Id LIKE 'bench-a%';
            INSERT INTO AssociationTerms (Id, AssociationId, Number, StartsOn, EndsOn, Years, LengthReason, TimingReason, CongressOn, ReportAdopted,
                CharterAdopted, CommitteeMembers, FiledOn, FiledWith, ElectedByCaseId, RenewalCaseId)
            SELECT {WebBenchmark.NewGuid}, Id, 1, '2024-03-01', '2029-02-28', 5, NULL, NULL, '2024-03-01', 1, 1, '张三', NULL, NULL, NULL, NULL FROM Associations;
            WITH roles(role, n) AS (VALUES ('Chair', 0), ('ViceChair', 1), ('SecretaryGeneral', 2), ('DeputySecretaryGeneral', 3), ('Contact', 4))
            INSERT INTO AssociationOfficers (Id, TermId, Role, "Order", Name, Title, Phone)
            SELECT {WebBenchmark.NewGuid}, t.Id, r.role, r.n, printf('官员%d', r.n), '职务', '13800000000' FROM AssociationTerms t CROSS JOIN roles r;
            INSERT INTO Homes (Id, OrganisationId, Kind, Name, Address, AreaM2, PersonInCharge, Administrator, Phone, RuleSet, Status, InCluster,
                SixHaves_Place, SixHaves_Facilities, SixHaves_Staff, SixHaves_Funding, SixHaves_Activities, SixHaves_Rules, SixHaves_OpenFreeOfCharge,
                DesignatedOn, PlaqueNumber, PlaqueOn, CertificationCaseId, CreatedAt)
            SELECT {WebBenchmark.NewGuid}, OrganisationId, 'Park', Name || '之家', '测试市', 60, '王芳', '李娜', '021-59990000', 'Jiading', 'Active', 1,
                1, 1, 1, 1, 1, 1, 1, '2025-05-20', NULL, NULL, NULL, '2025-05-20 00:00:00'
            FROM Associations;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {perAssociation})
            INSERT INTO ServiceEvents (Id, HomeId, HeldOn, Category, Title, Content, Part, Outcome, Participants, EnterprisesServed, PairedHomeId,
                NewsReportedAt, NewsUrgedAt, RecordedAt, RecordedBy)
            SELECT {WebBenchmark.NewGuid}, h.Id, printf('{year}-%02d-%02d', 1 + n.i % 10, 1 + n.i % 28), 'TechSalon', printf('技术沙龙第%d期', n.i),
                '围绕产业需求开展技术交流', 'Host', '达成合作意向 1 项', 10 + n.i % 40, n.i % 3, NULL, NULL, NULL, '{year}-01-01 00:00:00', 'bench'
            FROM Homes h CROSS JOIN n;
            """);
        transaction.Commit();
    }
}
