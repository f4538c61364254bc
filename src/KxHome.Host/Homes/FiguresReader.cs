using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// A home's figures of a year computed live from its ledgers, with each rule of its rule set checked against them. A
/// home's figures are kept on this host for <see cref="Lifetime"/> and forgotten when its ledgers change
/// (<see cref="Forget"/>): an area's list is read far more often than its homes' ledgers are written.
/// </summary>
public sealed class FiguresReader(AppDbContext db, PolicyBook policies, IMemoryCache cache, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    /// <summary>How long a home's figures are kept; another host's ledger write shows here within this time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public sealed record Live(Home Home, HomeFigures Figures, IReadOnlyList<RuleResult> Rules);

    /// <summary>Figures kept with what they were computed from: the day, the settings they read, the designation date.</summary>
    private sealed record Kept(DateOnly AsOf, string Inputs, HomeFigures Figures);

    /// <summary>Drops a home's kept figures of a year, after a write to its ledgers.</summary>
    public static void Forget(IMemoryCache cache, Guid homeId, int year) => cache.Remove(Key(homeId, year));

    public async Task<Live> ForAsync(Home home, int year) => (await ForAsync([home], year)).Single();

    /// <summary>The figures of several homes at once (a page of a list): one read per ledger for the homes not kept.</summary>
    public async Task<IReadOnlyList<Live>> ForAsync(IReadOnlyList<Home> homes, int year)
    {
        if (homes.Count == 0) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = options.Value.TimeZone;
        var asOf = BusinessDates.Today(now, zone);
        var byRuleSet = new Dictionary<RuleSet, Policy>();
        foreach (var ruleSet in homes.Select(h => h.RuleSet).Distinct()) byRuleSet[ruleSet] = await policies.ForAsync(ruleSet, year);
        string Inputs(Home home)
        {
            var p = byRuleSet[home.RuleSet];
            return $"{home.DesignatedOn}|{p.Text(PolicyKeys.MinEventsPerMonth)}|{p.Text(PolicyKeys.MinParticipantsPerEvent)}|{p.Text(PolicyKeys.MonthlyReportDueDay)}|{p.Text(PolicyKeys.NewsReportDays)}";
        }
        var figures = new Dictionary<Guid, HomeFigures>();
        foreach (var home in homes)
        {
            if (cache.TryGetValue(Key(home.Id, year), out Kept? kept) && kept!.AsOf == asOf && kept.Inputs == Inputs(home)) figures[home.Id] = kept.Figures;
        }
        var missing = homes.Where(h => !figures.ContainsKey(h.Id)).ToList();
        if (missing.Count > 0)
        {
            var ledgers = await LedgersAsync(missing.Select(h => h.Id).ToList(), year);
            foreach (var home in missing)
            {
                var computed = HomeFigures.Of(home, year, ledgers.Events[home.Id], ledgers.Demands[home.Id], ledgers.Reports[home.Id], byRuleSet[home.RuleSet], now, zone);
                cache.Set(Key(home.Id, year), new Kept(asOf, Inputs(home), computed), Lifetime);
                figures[home.Id] = computed;
            }
        }
        return homes.Select(home => new Live(home, figures[home.Id], RuleBook.Check(home, figures[home.Id], byRuleSet[home.RuleSet]))).ToList();
    }

    private sealed record Ledgers(ILookup<Guid, ServiceEvent> Events, ILookup<Guid, Demand> Demands, ILookup<Guid, MonthlyReport> Reports);

    private async Task<Ledgers> LedgersAsync(List<Guid> ids, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        // Only the columns the figures need, all in one index (IX_ServiceEvents_Figures): no table row is read.
        var events = await db.ServiceEvents.AsNoTracking().Where(e => ids.Contains(e.HomeId) && e.HeldOn >= from && e.HeldOn <= to)
            .Select(e => new ServiceEvent
            {
                HomeId = e.HomeId, HeldOn = e.HeldOn, Category = e.Category, Participants = e.Participants, EnterprisesServed = e.EnterprisesServed,
                PairedHomeId = e.PairedHomeId, NewsReportedAt = e.NewsReportedAt,
            }).ToListAsync();
        var demands = await db.Demands.AsNoTracking().Where(d => ids.Contains(d.HomeId) && d.RaisedOn >= from && d.RaisedOn <= to).ToListAsync();
        var reports = await db.MonthlyReports.AsNoTracking().Where(r => ids.Contains(r.HomeId) && r.Year == year).ToListAsync();
        return new Ledgers(events.ToLookup(e => e.HomeId), demands.ToLookup(d => d.HomeId), reports.ToLookup(r => r.HomeId));
    }

    private static (Type, Guid, int) Key(Guid homeId, int year) => (typeof(FiguresReader), homeId, year);
}
