using System.Diagnostics;
using KxHome.Benchmarks;

// Prints one `name: value` line per figure. The persisted engine and raw SQLite are measured in alternating
// rounds, so drift on a noisy machine hits both alike; each figure is the median of its rounds, and the ratio is
// the median of the per-round ratios.
// `-- engine` measures only the persisted engine against raw SQLite (the quick loop while tuning).
var engineOnly = args.Contains("engine");
var root = RepositoryRoot.Find();
if (args.Contains("studio"))
{
    // `-- studio`: only the studio's cold load.
    await StudioFigures();
    return;
}
if (args.Contains("timers"))
{
    // `-- timers`: only the timers, Quartz's and the Hangfire peer's, side by side.
    await TimerFigures();
    return;
}
if (args.Contains("expressions"))
{
    // `-- expressions`: only the expression sandbox against bare Jint.
    ExpressionFigures(ExpressionBenchmark.EvalsPerSecond(seconds: 4));
    return;
}
if (args.Contains("pg"))
{
    // `-- pg`: the engine on PostgreSQL, one host against two, beside the engine on SQLite in the same run.
    await PostgresFigures(withSqlite: true);
    return;
}
if (args.Contains("reports"))
{
    // `-- reports`: only the year-end tables of a province.
    await ReportFigures();
    return;
}
if ((args.Contains("homes") || args.Contains("web")) && !Wrk.IsInstalled)
{
    Console.WriteLine(Wrk.Missing);
    return;
}
if (args.Contains("homes"))
{
    // `-- homes`: only the homes' figures (the assessment round at scale, the district's list of its homes);
    // `-- homes --keep <folder>` keeps the list's database there and measures on it again next time.
    await HomesFigures(args.Contains("--list-only"), Array.IndexOf(args, "--keep") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null);
    return;
}
if (args.Contains("web"))
{
    // `-- web`: only the pages and the API on a large database; `-- web --keep <folder>` keeps that database there
    // and measures on it again next time (the quick loop while tuning the host).
    var keep = Array.IndexOf(args, "--keep") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await WebFigures(keep);
    return;
}
const int instancesPerRound = 100;
const int rounds = 7;
var flow = File.ReadAllText(Path.Combine(root, "tests", "KxHome.Benchmarks", "approval.bpmn"));

var persisted = new List<double>();
var raw = new List<double>();
double logPages;
await using (var engine = await EngineBenchmark.Persisted.StartAsync(flow))
using (var sqlite = new RawSqliteBenchmark())
{
    for (var round = 0; round < rounds; round++)
    {
        persisted.Add(await engine.StepsPerSecondAsync(instancesPerRound));
        raw.Add(sqlite.CommitsPerSecond(instancesPerRound * EngineBenchmark.StepsPerInstance));
    }
    logPages = await engine.LogPagesPerStepAsync(instances: 50);
}
Report.Line("engine.persisted_steps_per_s", Report.Median(persisted));
Report.Line("sqlite.raw_commits_per_s", Report.Median(raw));
Report.Line("engine.persisted_vs_raw", Report.Median(persisted.Zip(raw, (p, r) => p / r)), "0.00");
Report.Line("engine.log_pages_per_step", logPages);
if (engineOnly) return;

var inMemory = EngineBenchmark.InMemoryInstancesPerSecond(flow, instances: 20_000);
var expressions = ExpressionBenchmark.EvalsPerSecond(seconds: 4);
var peer = PeerBenchmark.BpmnEngineInstancesPerSecond(root, instances: 300);
var enginePeakRss = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

Report.Line("engine.inmemory_instances_per_s", inMemory);
Report.Line("peer.bpmn_engine_instances_per_s", peer);
Report.Line("engine.inmemory_vs_bpmn_engine", inMemory / peer, "0.0");
Report.Line("engine.peak_rss_mb", enginePeakRss);
ExpressionFigures(expressions);
await PostgresFigures(withSqlite: false); // engine.persisted_steps_per_s is above
await TimerFigures();

if (Wrk.IsInstalled)
{
    await WebFigures();
    await HomesFigures();
}
else
{
    Console.WriteLine($"web and homes figures skipped: {Wrk.Missing}");
}
await StudioFigures();
await ReportFigures();

async Task PostgresFigures(bool withSqlite)
{
    var reference = File.ReadAllText(Path.Combine(root, "tests", "KxHome.Benchmarks", "approval.bpmn"));
    if (withSqlite)
    {
        await using var sqlite = await EngineBenchmark.Persisted.StartAsync(reference);
        var rounds = new List<double>();
        for (var round = 0; round < 5; round++) rounds.Add(await sqlite.StepsPerSecondAsync(100));
        Report.Line("engine.persisted_steps_per_s", Report.Median(rounds));
    }
    var pg = await PostgresBenchmark.RunAsync(reference, instancesPerRound: 200, rounds: 5);
    Report.Line("pg.one_host_steps_per_s", pg.OneHost);
    Report.Line("pg.two_hosts_steps_per_s", pg.TwoHosts);
    Report.Line("pg.two_vs_one", pg.TwoVsOne, "0.00");
}

async Task ReportFigures()
{
    var reports = await ReportsBenchmark.YearEndAsync(root, associations: 10_000, eventsPerAssociation: 10, rounds: 3);
    Report.Line("reports.associations", reports.Associations, "0");
    Report.Line("reports.events", reports.Events, "0");
    Report.Line("reports.year_end_10k_s", reports.YearEndSeconds, "0.00");
    Report.Line("reports.dashboard_10k_s", reports.DashboardSeconds, "0.00");
    Report.Line("reports.health_ms", reports.HealthMs);
    Report.Line("reports.year_end_vs_health", reports.YearEndSeconds * 1000 / reports.HealthMs, "0");
    Report.Line("reports.host_rss_before_mb", reports.RssBeforeMb);
    Report.Line("reports.year_end_rss_mb", reports.PeakRssMb);
}

async Task TimerFigures()
{
    var timers = await TimerBenchmark.PendingAsync(count: 100_000);
    var (lateP50, lateP99) = await TimerBenchmark.LatenessAsync(count: 1_000);
    var hangfire = PeerBenchmark.HangfireLines(root, timers: 100_000, due: 1_000); // several minutes: Hangfire schedules one job at a time
    Report.Line("timers.schedule_100k_s", timers.ScheduleSeconds, "0.00");
    Report.Line("timers.startup_100k_s", timers.StartupSeconds, "0.00");
    Report.Line("timers.rss_100k_mb", timers.RssMb);
    Report.Line("timers.lateness_p50_ms", lateP50, "0");
    Report.Line("timers.lateness_p99_ms", lateP99, "0");
    foreach (var line in hangfire) Console.WriteLine(line);
}

void ExpressionFigures((double Sandboxed, double Bare) expressions)
{
    Report.Line("expressions.evals_per_s", expressions.Sandboxed, "0");
    Report.Line("expressions.bare_jint_evals_per_s", expressions.Bare, "0");
    Report.Line("expressions.sandboxed_vs_bare", expressions.Sandboxed / expressions.Bare, "0.00");
}

async Task HomesFigures(bool listOnly = false, string? keep = null)
{
    if (!listOnly)
    {
        var (roundSeconds, cases) = await HomesBenchmark.RoundAsync(root, homes: 10_000);
        Report.Line("homes.assessment_round_cases", cases, "0");
        Report.Line("homes.assessment_round_10k_s", roundSeconds, "0.0");
    }
    var (list, health, homes, events) = await HomesBenchmark.AreaListAsync(root, homes: 10_000, eventsPerHome: 100, secondsPerRound: 4, keep);
    Report.Line("homes.homes", homes, "0");
    Report.Line("homes.ledger_events", events, "0");
    Report.Line("homes.health_p95_ms", health);
    Report.Line("homes.area_list_p95_ms", list);
    Report.Line("homes.area_list_vs_health", list / health);
}

async Task WebFigures(string? keep = null)
{
    var web = await WebBenchmark.RunAsync(root, instances: 100_000, secondsPerRound: 4, keep);
    Report.Line("web.instances", web.Instances, "0");
    Report.Line("web.tasks", web.Tasks, "0");
    Report.Line("web.health_p95_ms", web.HealthP95);
    Report.Line("web.inbox_p95_ms", web.InboxP95);
    Report.Line("web.my_cases_p95_ms", web.MyCasesP95);
    Report.Line("api.tasks_p95_ms", web.ApiTasksP95);
    Report.Line("web.inbox_vs_health", web.InboxP95 / web.HealthP95);
    Report.Line("web.my_cases_vs_health", web.MyCasesP95 / web.HealthP95);
    Report.Line("api.tasks_vs_health", web.ApiTasksP95 / web.HealthP95);
}

async Task StudioFigures()
{
    var studio = await StudioBenchmark.RunAsync(root, rounds: 5);
    Report.Line("studio.cold_load_ms", studio.ColdLoadMs, "0");
    Report.Line("web.login_page_cold_ms", studio.LoginPageMs, "0");
    Report.Line("studio.cold_load_vs_login_page", studio.ColdLoadMs / studio.LoginPageMs);
}
