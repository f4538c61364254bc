using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>The organisations as a tree, read once: an organisation's subtree, and the district (区（市）县) it lies in.</summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, Organisation> byId;
    private readonly ILookup<string, Organisation> children;

    private OrganisationTree(List<Organisation> all)
    {
        byId = all.ToDictionary(o => o.Id);
        children = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!);
    }

    public static async Task<OrganisationTree> LoadAsync(AppDbContext db) => new(await db.Organisations.AsNoTracking().ToListAsync());

    public Organisation? Find(string id) => byId.GetValueOrDefault(id);

    public string NameOf(string id) => byId.TryGetValue(id, out var found) ? found.Name : id;

    /// <summary>The organisation and every one below it, parents before their children.</summary>
    public List<string> Subtree(string root)
    {
        var subtree = new List<string> { root };
        for (var i = 0; i < subtree.Count; i++) subtree.AddRange(children[subtree[i]].Select(o => o.Id));
        return subtree;
    }

    /// <summary>
    /// The 区（市）县 an organisation reports through, seen from <paramref name="area"/>: its nearest district, or, for
    /// one directly under a city (a city's own enterprise), that city; never above the area.
    /// </summary>
    public Organisation CountyOf(string id, Organisation area)
    {
        for (var at = byId.GetValueOrDefault(id); at is not null; at = at.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null)
        {
            if (at.Kind is OrganisationKind.District or OrganisationKind.City || at.Id == area.Id) return at;
        }
        return area;
    }
}
