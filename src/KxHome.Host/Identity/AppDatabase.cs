using KxHome.Workflows.Persistence;

namespace KxHome.Host.Identity;

/// <summary>Which database the host's tables live in: the engine's (<c>Workflows:Provider</c>, <c>Workflows:ConnectionString</c>).</summary>
public static class AppDatabase
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        configuration.GetValue("Workflows:Provider", DatabaseProvider.Sqlite);
}
