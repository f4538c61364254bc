using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>A home's figures of a year computed live from its ledgers, with each rule of its rule set checked against them.</summary>
public sealed class FiguresReader(AppDbContext db, PolicyBook policies, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public sealed record Live(Home Home, HomeFigures Figures, IReadOnlyList<RuleResult> Rules);

    public async Task<Live> ForAsync(Home home, int year) => (await ForAsync([home], year)).Single();

    /// <summary>The figures of several homes at once (a page of a list): one read per ledger.</summary>
    public async Task<IReadOnlyList<Live>> ForAsync(IReadOnlyList<Home> homes, int year)
    {
        if (homes.Count == 0) return [];
        var ids = homes.Select(h => h.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var events = (await db.ServiceEvents.AsNoTracking().Where(e => ids.Contains(e.HomeId) && e.HeldOn >= from && e.HeldOn <= to).ToListAsync())
            .ToLookup(e => e.HomeId);
        var demands = (await db.Demands.AsNoTracking().Where(d => ids.Contains(d.HomeId) && d.RaisedOn >= from && d.RaisedOn <= to).ToListAsync())
            .ToLookup(d => d.HomeId);
        var reports = (await db.MonthlyReports.AsNoTracking().Where(r => ids.Contains(r.HomeId) && r.Year == year).ToListAsync())
            .ToLookup(r => r.HomeId);
        var byRuleSet = new Dictionary<RuleSet, Policy>();
        foreach (var ruleSet in homes.Select(h => h.RuleSet).Distinct()) byRuleSet[ruleSet] = await policies.ForAsync(ruleSet, year);
        var now = clock.GetUtcNow().UtcDateTime;
        return homes.Select(home =>
        {
            var policy = byRuleSet[home.RuleSet];
            var figures = HomeFigures.Of(home, year, events[home.Id], demands[home.Id], reports[home.Id], policy, now, options.Value.TimeZone);
            return new Live(home, figures, RuleBook.Check(home, figures, policy));
        }).ToList();
    }
}
