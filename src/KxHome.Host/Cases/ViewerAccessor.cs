using KxHome.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace KxHome.Host.Cases;

/// <summary>
/// The signed-in person of the current request as a <see cref="Viewer"/>. Every page and API call needs it, so a
/// person's viewer (roles, organisation and the organisations below it) is read once and kept on this host for
/// <see cref="Lifetime"/>: a change of someone's roles or organisation applies within that time.
/// </summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, UserManager<AppUser> users, AppDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private Viewer? _viewer;

    public async Task<Viewer> GetAsync() => await FindAsync() ?? throw new UnauthorizedAccessException();

    /// <summary>The signed-in person; null when nobody is signed in or the account no longer exists.</summary>
    public async Task<Viewer?> FindAsync() =>
        _viewer ??= users.GetUserId(http.HttpContext!.User) is { } userId ? await ForUserAsync(userId) : null;

    /// <summary>The viewer of any person, e.g. the one a signed email link acts for; null when there is no such account.</summary>
    public Task<Viewer?> ForUserAsync(string userId) =>
        cache.GetOrCreateAsync((typeof(Viewer), userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await users.FindByIdAsync(userId) is { } user ? await Viewer.OfUserAsync(user, users, db) : null;
        });
}
