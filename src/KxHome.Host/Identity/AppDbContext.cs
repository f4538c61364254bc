using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>
/// People and organisations, in the same SQLite file as the engine; its migrations keep their own history table so
/// they never mix with the engine's.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public const string HistoryTable = "__AppMigrationsHistory";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Organisation>(e =>
        {
            e.ToTable("Organisations");
            e.Property(o => o.Kind).HasConversion<string>();
            e.HasIndex(o => o.ParentId);
        });
        builder.Entity<AppUser>().HasIndex(u => u.OrganisationId);
    }
}
