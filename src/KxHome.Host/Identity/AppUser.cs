using Microsoft.AspNetCore.Identity;

namespace KxHome.Host.Identity;

/// <summary>A person who signs in: an applicant of an organisation, an approver, or an administrator.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown on pages and in history, e.g. "张伟".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation the person acts for or belongs to.</summary>
    public string? OrganisationId { get; set; }
}
