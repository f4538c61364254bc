using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Homes;

/// <summary>
/// The rule sets' settings per year: what an administrator set, over the seeds' defaults. A year's settings are read
/// as they were; changing next year's never changes a past assessment (its figures and results are kept with it).
/// </summary>
public sealed class PolicyBook(AppDbContext db, TimeProvider clock)
{
    public async Task<Policy> ForAsync(RuleSet ruleSet, int year, CancellationToken ct = default)
    {
        var values = await db.PolicySettings.AsNoTracking().Where(p => p.RuleSet == ruleSet && p.Year == year)
            .ToDictionaryAsync(p => p.Key, p => p.Value, ct);
        return new Policy(ruleSet, year, values);
    }

    /// <summary>
    /// Sets the values typed for a rule set and year (yuan for money, MM-dd for days); a value equal to the default removes
    /// the override. Nothing is saved unless every value is valid: the problems are given by key.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(RuleSet ruleSet, int year, IReadOnlyDictionary<string, string?> typed, string userId)
    {
        var problems = new Dictionary<string, string>();
        var values = new Dictionary<PolicyKey, string>();
        if (year is < 2000 or > 2100) problems["year"] = "年度须为 2000 至 2100 之间的年份";
        foreach (var (key, text) in typed)
        {
            if (PolicyKeys.Find(key) is not { } policyKey)
            {
                problems[key] = $"没有名为 “{key}” 的规则设置";
                continue;
            }
            var (value, problem) = policyKey.Check(text);
            if (problem is not null) problems[key] = problem;
            else values[policyKey] = value!;
        }
        if (problems.Count > 0) return problems;
        var stored = await db.PolicySettings.Where(p => p.RuleSet == ruleSet && p.Year == year).ToDictionaryAsync(p => p.Key);
        foreach (var (key, value) in values)
        {
            stored.TryGetValue(key.Key, out var row);
            if (value == key.DefaultFor(ruleSet))
            {
                if (row is not null) db.PolicySettings.Remove(row);
                continue;
            }
            row ??= db.PolicySettings.Add(new PolicySetting { RuleSet = ruleSet, Year = year, Key = key.Key }).Entity;
            row.Value = value;
            row.ChangedAt = clock.GetUtcNow().UtcDateTime;
            row.ChangedBy = userId;
        }
        await db.SaveChangesAsync();
        return problems;
    }

    /// <summary>The rule set of an organisation's region: the nearest one set on it or above it, else Jiading's.</summary>
    public async Task<RuleSet> RuleSetOfAsync(string? organisationId, CancellationToken ct = default)
    {
        var all = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.ParentId, o.RuleSet }).ToDictionaryAsync(o => o.Id, ct);
        for (var id = organisationId; id is not null && all.TryGetValue(id, out var organisation); id = organisation.ParentId)
        {
            if (organisation.RuleSet is { } ruleSet) return ruleSet;
            if (organisation.ParentId == id) break;
        }
        return RuleSet.Jiading;
    }
}
