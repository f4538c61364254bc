using System.Security.Cryptography.X509Certificates;
using KxHome.Host.Identity;
using KxHome.Workflows.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace KxHome.Host.Hosting;

/// <summary>
/// The keys that sign every email link, sign-in cookie and form token. They are kept in <c>DataProtection:KeysFolder</c>,
/// or on PostgreSQL in the database, where every host of one KxHome reads the same keys;
/// with <c>DataProtection:Certificate</c> (a PFX file, its password in <c>DataProtection:CertificatePassword</c>) they are
/// encrypted at rest with that certificate, and only a host holding it can read them. Without one they lie in the
/// folder as plain XML, which Production start-up warns about.
/// </summary>
public static class KeyProtection
{
    public const string CertificateSetting = "DataProtection:Certificate";

    public static IServiceCollection AddKxKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("KxHome");
        if (AppDatabase.Provider(configuration) == DatabaseProvider.Postgres) keys.PersistKeysToDbContext<PostgresAppDbContext>();
        else keys.PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysFolder"] ?? "data/keys"));
        if (configuration[CertificateSetting] is { Length: > 0 } file) keys.ProtectKeysWithCertificate(Load(file, configuration["DataProtection:CertificatePassword"]));
        return services;
    }

    /// <summary>In Production, a warning at start that names the setting, when the keys are stored unencrypted.</summary>
    public static void WarnIfUnprotected(WebApplication app)
    {
        if (!app.Environment.IsProduction() || app.Configuration[CertificateSetting] is { Length: > 0 }) return;
        app.Logger.LogWarning(
            "The Data Protection keys in {Folder} are stored unencrypted, and they sign every email link and sign-in cookie. "
            + "Set {Setting} to a PFX certificate file (and DataProtection:CertificatePassword) to encrypt them at rest.",
            app.Configuration["DataProtection:KeysFolder"], CertificateSetting);
    }

    private static X509Certificate2 Load(string file, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{CertificateSetting}: {file} has no private key, so the keys could not be read back.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{CertificateSetting}: {file} cannot be loaded as a PFX certificate ({e.Message}).", e);
        }
    }
}
