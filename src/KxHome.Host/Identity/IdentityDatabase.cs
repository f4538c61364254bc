using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>At start-up: creates or upgrades the people and organisation tables, and in Development adds the demo logins.</summary>
public sealed class IdentityDatabase(IServiceScopeFactory scopes, IHostEnvironment environment) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (environment.IsDevelopment())
        {
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
