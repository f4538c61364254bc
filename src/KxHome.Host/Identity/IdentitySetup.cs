using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>People, roles and organisations: ASP.NET Core Identity on the same SQLite file as the engine.</summary>
public static class IdentitySetup
{
    /// <summary>Registers the stores, cookie and bearer sign-in, and the start-up migration (after the engine's).</summary>
    public static IServiceCollection AddKxIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["Workflows:ConnectionString"];
        services.AddDbContext<AppDbContext>(db => db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(AppDbContext.HistoryTable)));
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddAuthorization();
        services.AddHostedService<IdentityDatabase>();
        return services;
    }

    /// <summary>
    /// Token and cookie sign-in under <c>/api/auth</c> (<c>login</c>, <c>refresh</c>, <c>manage/info</c>). Accounts are
    /// given by the associations, so self-registration is refused.
    /// </summary>
    public static IEndpointRouteBuilder MapKxIdentity(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");
        auth.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                ? TypedResults.Problem(title: "不开放自行注册", detail: "账号由所在科协开通，请联系管理员", statusCode: StatusCodes.Status403Forbidden)
                : await next(context));
        auth.MapIdentityApi<AppUser>();
        return app;
    }
}
