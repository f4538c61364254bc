using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;

namespace KxHome.Host.Cases;

/// <summary>
/// Who is asking, and so what they may see: an applicant sees their own organisation's cases; an approver the cases
/// of their organisation and every organisation below it, for tasks of their roles; an administrator everything.
/// </summary>
public sealed record Viewer(string UserId, string DisplayName, string? OrganisationId, IReadOnlyList<string> Roles, IReadOnlyList<string>? VisibleOwners)
{
    public bool IsAdministrator => VisibleOwners is null;

    public bool IsApplicant => Roles.Contains(Identity.Roles.Applicant);

    public bool CanSee(string? owner) => VisibleOwners is null || (owner is not null && VisibleOwners.Contains(owner));

    /// <summary>
    /// Whether the task is offered to this person: theirs by assignment, or to one of their roles on a case they may see
    /// (for the roles of an organisation's own bodies, <see cref="Identity.Roles.OwnOrganisationOnly"/>, a case of their own organisation).
    /// </summary>
    public bool CanAct(UserTaskView task) =>
        task.Assignee == UserId
        || (CanSee(task.Owner) && (task.CandidateGroups.Any(g => ActsAs(g, task.Owner)) || task.CandidateUsers.Contains(UserId)));

    /// <summary>Whether this person acts for the candidate group on a case of <paramref name="owner"/>.</summary>
    private bool ActsAs(string group, string? owner) =>
        Roles.Contains(group) && (IsAdministrator || !Identity.Roles.OwnOrganisationOnly.Contains(group) || owner == OrganisationId);

    /// <summary>The viewer's roles that act on the cases they may see, and those that act on their own organisation's only.</summary>
    public (IReadOnlyList<string> Everywhere, IReadOnlyList<string> OwnOrganisation) RolesByReach() => IsAdministrator
        ? (Roles, [])
        : (Roles.Except(Identity.Roles.OwnOrganisationOnly).ToList(), Roles.Intersect(Identity.Roles.OwnOrganisationOnly).ToList());

    public static async Task<Viewer> OfUserAsync(AppUser user, UserManager<AppUser> users, AppDbContext db)
    {
        var roles = (await users.GetRolesAsync(user)).ToList();
        var name = user.DisplayName;
        if (roles.Contains(Identity.Roles.Administrator)) return new Viewer(user.Id, name, user.OrganisationId, roles, null);
        if (user.OrganisationId is not { } organisation) return new Viewer(user.Id, name, null, roles, []);
        if (roles is [Identity.Roles.Applicant]) return new Viewer(user.Id, name, organisation, roles, [organisation]);
        return new Viewer(user.Id, name, organisation, roles, (await OrganisationTree.LoadAsync(db)).Subtree(organisation));
    }
}
