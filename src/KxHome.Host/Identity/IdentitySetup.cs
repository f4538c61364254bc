using KxHome.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>People, roles and organisations: ASP.NET Core Identity in the same database as the engine.</summary>
public static class IdentitySetup
{
    /// <summary>Registers the stores, cookie and bearer sign-in, and the start-up migration (after the engine's).</summary>
    public static IServiceCollection AddKxIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        // Started before Data Protection's own start-up service (added with authentication below), which reads the keys:
        // on PostgreSQL they are in a table this migrates.
        services.AddHostedService<IdentityDatabase>();
        var provider = AppDatabase.Provider(configuration);
        var connectionString = configuration["Workflows:ConnectionString"] ?? "";
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(db => db.Use(provider, connectionString, AppDbContext.HistoryTable));
            services.AddScoped(sp => (PostgresAppDbContext)sp.GetRequiredService<AppDbContext>()); // the Data Protection keys' store
        }
        else
        {
            services.AddDbContext<AppDbContext>(db => db.Use(provider, connectionString, AppDbContext.HistoryTable));
        }
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddAuthorization();
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
