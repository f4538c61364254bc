using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KxHome.Host.Cases;

/// <summary>
/// What people call a case: its number (认定-2026-0001) and a title, the home it is about (its business key names
/// it: <c>home:{id}</c>…) with the programme, else its organisation with the programme. Read for a whole list at once;
/// the programmes' and organisations' names are kept on the host for <see cref="Lifetime"/> (every list needs them).
/// </summary>
public sealed class CaseTitles(AppDbContext db, WorkflowEngine engine, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>The facts a title is made of.</summary>
    public sealed record Subject(Guid Id, string? BusinessKey, string? Owner, string DefinitionKey);

    /// <summary>"认定-2026-0001 嘉定工业区科技工作者之家 · 科技工作者之家认定": number and title, as one line.</summary>
    public static string Line(string? number, string title) => number is null ? title : $"{number} {title}";

    public async Task<string> TitleAsync(InstanceView instance) =>
        (await TitlesAsync([new Subject(instance.Id, instance.BusinessKey, instance.Owner, instance.DefinitionKey)]))[instance.Id];

    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Subject> cases)
    {
        var programmes = await cache.GetOrCreateAsync((typeof(CaseTitles), "programmes"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (await engine.Queries.LatestDefinitionsAsync()).ToDictionary(d => d.Key, d => d.Name ?? d.Key);
        }) ?? [];
        var homeIds = cases.Select(c => HomeKeys.HomeOf(c.BusinessKey)).OfType<Guid>().Distinct().ToList();
        var homes = homeIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Homes.AsNoTracking().Where(h => homeIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name);
        var organisations = await cache.GetOrCreateAsync((typeof(CaseTitles), "organisations"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
        }) ?? [];
        return cases.ToDictionary(c => c.Id, c =>
        {
            var programme = programmes.GetValueOrDefault(c.DefinitionKey, c.DefinitionKey);
            var subject = HomeKeys.HomeOf(c.BusinessKey) is { } home && homes.TryGetValue(home, out var name) ? name
                : c.Owner is not null ? organisations.GetValueOrDefault(c.Owner, c.Owner) : null;
            return subject is null ? programme : $"{subject} · {programme}";
        });
    }

    /// <summary>The case with its title, for API answers.</summary>
    public async Task<InstanceView> TitledAsync(InstanceView instance) => instance with { Title = await TitleAsync(instance) };

    /// <summary>Cases of a list with their titles.</summary>
    public async Task<IReadOnlyList<InstanceSummary>> TitledAsync(IReadOnlyList<InstanceSummary> cases)
    {
        var titles = await TitlesAsync(cases.Select(c => new Subject(c.Id, c.BusinessKey, c.Owner, c.DefinitionKey)).DistinctBy(c => c.Id).ToList());
        return cases.Select(c => c with { Title = titles[c.Id] }).ToList();
    }

    /// <summary>Tasks of a list with their cases' titles.</summary>
    public async Task<IReadOnlyList<UserTaskView>> TitledAsync(IReadOnlyList<UserTaskView> tasks)
    {
        var titles = await TitlesAsync(tasks.Select(t => new Subject(t.InstanceId, t.BusinessKey, t.Owner, t.DefinitionKey)).DistinctBy(c => c.Id).ToList());
        return tasks.Select(t => t with { CaseTitle = titles[t.InstanceId] }).ToList();
    }

}
