using KxHome.Host.Cases;
using KxHome.Workflows;

namespace KxHome.Host.Reports;

/// <summary>The reports people hand in and look at: the year-end tables (R26) and their flow, and the dashboards.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddKxReports(this IServiceCollection services)
    {
        services.AddScoped<YearEndTables>();
        services.AddScoped<YearEndRound>();
        services.AddScoped<Dashboard>();
        services.AddScoped<ISubmissionRule, YearEndFormRule>();
        return services
            .AddServiceTaskHandler<OpenYearEndTask>()
            .AddServiceTaskHandler<KeepYearEndFiguresTask>()
            .AddServiceTaskHandler<SubmitYearEndTask>();
    }
}
