using KxHome.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace KxHome.Host.Cases;

/// <summary>The signed-in person of the current request as a <see cref="Viewer"/>, read once per request.</summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, UserManager<AppUser> users, AppDbContext db)
{
    private Viewer? _viewer;
    private AppUser? _user;

    public async Task<Viewer> GetAsync() =>
        _viewer ??= await Viewer.OfUserAsync(await UserAsync() ?? throw new UnauthorizedAccessException(), users, db);

    /// <summary>The person, for their name on pages.</summary>
    public async Task<AppUser?> UserAsync() => _user ??= await users.GetUserAsync(http.HttpContext!.User);

    /// <summary>The viewer a signed email link acts for (the person it was sent to).</summary>
    public async Task<Viewer?> ForUserAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? null : await Viewer.OfUserAsync(user, users, db);
    }
}
