namespace KxHome.Host.Reports;

/// <summary>The reports people hand in and look at: the year-end tables (R26).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddKxReports(this IServiceCollection services) => services.AddScoped<YearEndTables>();
}
