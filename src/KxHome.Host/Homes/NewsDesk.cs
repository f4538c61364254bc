using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Homes;

/// <summary>
/// News on time (R25): per home, how many of the month's and the year's events had their news reported within the
/// days allowed, late, or not at all; the overdue ones, and 催办 of them by the street, district or city above the home,
/// mailed to the home's own people.
/// </summary>
public sealed class NewsDesk(AppDbContext db, PolicyBook policies, WorkflowEngine engine, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public sealed record Tally(int OnTime, int Late, int Missing, int Pending)
    {
        public int Held => OnTime + Late + Missing + Pending;

        public static Tally Of(IEnumerable<NewsState> states)
        {
            var list = states.ToList();
            return new(list.Count(s => s == NewsState.OnTime), list.Count(s => s == NewsState.Late), list.Count(s => s == NewsState.Missing),
                list.Count(s => s == NewsState.Pending));
        }
    }

    /// <summary>An event whose news is overdue: the last day it was due on.</summary>
    public sealed record Overdue(ServiceEvent Event, DateOnly DueOn);

    public sealed record HomeNews(Home Home, int Days, Tally Month, Tally Year, IReadOnlyList<Overdue> Overdue);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => BusinessDates.Today(Now, options.Value.TimeZone);

    /// <summary>The homes' news this month and this year, in the order given (a province's homes: their ids as one parameter).</summary>
    public async Task<IReadOnlyList<HomeNews>> ForAsync(IReadOnlyList<Home> homes)
    {
        var today = Today;
        var ids = homes.Select(h => h.Id).ToList();
        var first = new DateOnly(today.Year, 1, 1);
        var events = (await db.ServiceEvents.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.HomeId) && e.HeldOn >= first && e.HeldOn <= today)
            .OrderBy(e => e.HeldOn).ToListAsync()).ToLookup(e => e.HomeId);
        var days = new Dictionary<RuleSet, int>();
        foreach (var ruleSet in homes.Select(h => h.RuleSet).Distinct())
        {
            days[ruleSet] = (await policies.ForAsync(ruleSet, today.Year)).Int(PolicyKeys.NewsReportDays);
        }
        var zone = options.Value.TimeZone;
        return homes.Select(home =>
        {
            var allowed = days[home.RuleSet];
            var states = events[home.Id].Select(e => (Event: e, State: e.NewsStateAt(allowed, Now, zone))).ToList();
            return new HomeNews(home, allowed,
                Tally.Of(states.Where(s => s.Event.HeldOn.Month == today.Month).Select(s => s.State)), Tally.Of(states.Select(s => s.State)),
                states.Where(s => s.State == NewsState.Missing).Select(s => new Overdue(s.Event, s.Event.HeldOn.AddDays(allowed))).ToList());
        }).ToList();
    }

    /// <summary>Whether the viewer may urge the home: someone above it who may see it (not its own people), or an administrator.</summary>
    public static bool MayUrge(Viewer viewer, Home home) =>
        viewer.IsAdministrator || (viewer.CanSee(home.OrganisationId) && viewer.OrganisationId != home.OrganisationId);

    /// <summary>催办: mails the home's people that the event's news is overdue; the problem in Chinese, or null when urged.</summary>
    public async Task<string?> UrgeAsync(Viewer viewer, Home home, Guid eventId)
    {
        if (!MayUrge(viewer, home)) return "只有之家的上级科协可以催办";
        var entry = await db.ServiceEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.HomeId == home.Id);
        if (entry is null) return "没有这项活动";
        var allowed = (await policies.ForAsync(home.RuleSet, entry.HeldOn.Year)).Int(PolicyKeys.NewsReportDays);
        var state = entry.NewsStateAt(allowed, Now, options.Value.TimeZone);
        if (state != NewsState.Missing) return state == NewsState.Pending ? "这项活动的新闻还未到报送期限" : "这项活动的新闻已报送";
        var dueOn = entry.HeldOn.AddDays(allowed);
        await engine.AddNoticesAsync([new NewNotice(NoticeKind.OrganisationMessage, null, null)
        {
            UserId = viewer.UserId, Recipient = home.OrganisationId, DedupKey = $"news-urge:{entry.Id}:{Today:yyyy-MM-dd}", // once a day at most
            Comment = $"催办：请报送活动新闻（{home.Name}）\n活动“{entry.Title}”（{entry.HeldOn:yyyy-MM-dd}）的新闻和照片应于 {dueOn:yyyy-MM-dd} 前报送（R25），至今未报送，请尽快报送。\n/homes/{home.Id}#events",
        }]);
        entry.NewsUrgedAt = Now;
        await db.SaveChangesAsync();
        return null;
    }
}
