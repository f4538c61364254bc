using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>
/// Who is who for a case: the applicants of its organisation, the approvers above it (an approver sees the cases of
/// their organisation and every one below), the administrators of the owning association, and display names.
/// </summary>
public sealed class People(AppDbContext db)
{
    /// <summary>People by id, for names in lists and history; unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<string, AppUser>> ByIdsAsync(IEnumerable<string?> ids)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<string, AppUser>();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
    }

    /// <summary>The display name of a person id, or the id itself when nobody has it.</summary>
    public static string NameOf(IReadOnlyDictionary<string, AppUser> people, string? id) =>
        id is null ? "" : people.TryGetValue(id, out var user) ? user.DisplayName : id;

    /// <summary>People with one of the roles who may see cases of <paramref name="owner"/>.</summary>
    public async Task<IReadOnlyList<AppUser>> WithRolesForAsync(string? owner, IReadOnlyCollection<string> roles)
    {
        var organisations = roles.Contains(Roles.Applicant) && roles.Count == 1
            ? (owner is null ? [] : [owner])
            : await AncestorsAsync(owner);
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync();
        var query = from user in db.Users.AsNoTracking()
                    join link in db.UserRoles on user.Id equals link.UserId
                    where roleIds.Contains(link.RoleId)
                    select user;
        var found = await query.Distinct().ToListAsync();
        var isAdmin = roles.Contains(Roles.Administrator);
        return found.Where(u => (u.OrganisationId is not null && organisations.Contains(u.OrganisationId))
                                || (isAdmin && u.OrganisationId is null)).ToList();
    }

    /// <summary>Approvers (anyone but applicants) who may see cases of <paramref name="owner"/>: the people a task can be handed to.</summary>
    public Task<IReadOnlyList<AppUser>> ApproversForAsync(string? owner) =>
        WithRolesForAsync(owner, [Roles.Street, Roles.District, Roles.City, Roles.Province, Roles.PartyCommittee, Roles.Committee, Roles.Expert]);

    /// <summary>The roles a person holds (none for nobody).</summary>
    public async Task<IReadOnlyList<string>> RolesOfAsync(string? userId) => userId is null ? [] :
        await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where link.UserId == userId select role.Name!).ToListAsync();

    /// <summary>The organisation and every one above it, nearest first.</summary>
    public async Task<List<string>> AncestorsAsync(string? organisationId)
    {
        var all = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId);
        var chain = new List<string>();
        for (var id = organisationId; id is not null && all.ContainsKey(id) && !chain.Contains(id); id = all[id]) chain.Add(id);
        return chain;
    }
}
