using KxHome.Host.Cases;
using KxHome.Host.Forms;
using KxHome.Host.Identity;
using KxHome.Host.Mail;
using Microsoft.AspNetCore.Identity;

namespace KxHome.Host.Hosting;

/// <summary>The people's side of the host: pages, forms, case files, approval operations and email.</summary>
public static class PortalSetup
{
    public const string PagesPolicy = "pages";

    public static IServiceCollection AddKxPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", PagesPolicy);
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/EmailLinks/Act");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AllowAnonymousToPage("/Results");
        });
        services.AddAuthorizationBuilder().AddPolicy(PagesPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.Cookie.Name = "kxhome";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // Chinese text goes out as itself, not as &#x...; entities (still HTML-encoded where it must be).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o => o.Cookie.Name = "kxhome-csrf");
        services.AddKxKeys(configuration);
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<FormCatalog>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<ViewerAccessor>();
        services.AddScoped<People>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseFiles>();
        services.AddScoped<ApprovalDesk>();
        services.AddScoped<Worklist>();
        services.AddScoped<Programmes>();
        services.AddScoped<TaskSubmission>();
        services.AddScoped<CaseTitles>();
        services.AddScoped<ActionLinks>();
        services.AddScoped<NoticeMails>();
        services.AddScoped<MailSender>(); // one SMTP connection per dispatch batch: the scope closes it
        services.AddSingleton<NoticeDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeDispatcher>());
        services.AddSingleton<DeadlineWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatch>());
        return services;
    }
}
