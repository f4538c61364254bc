using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KxHome.Workflows.Tests.Host;

/// <summary>The keys that sign email links and sign-in cookies: encrypted at rest with a certificate, or a warning in Production.</summary>
public sealed class KeyProtectionTests : IAsyncDisposable
{
    private readonly TestHost _host = new(realClock: true);

    private string Keys => Path.Combine(_host.Folder, "keys");

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_at_rest_and_read_back_after_a_restart()
    {
        var (pfx, password) = WriteCertificate();
        _host.RestartWith(web => web.UseSetting("DataProtection:Certificate", pfx).UseSetting("DataProtection:CertificatePassword", password));
        var token = _host.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("审批链接");

        var key = await File.ReadAllTextAsync(Directory.GetFiles(Keys, "key-*.xml").Single());
        key.Should().Contain("<EncryptedData", "the key's secret is encrypted").And.NotContain("<masterKey", "no secret is left in plain XML");

        _host.RestartWith(web => web.UseSetting("DataProtection:Certificate", pfx).UseSetting("DataProtection:CertificatePassword", password));
        _host.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token).Should().Be("审批链接");

        _host.RestartWith(_ => { }); // a host without the certificate cannot read the keys, so cannot accept the link
        var without = () => _host.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token);
        without.Should().Throw<CryptographicException>();
    }

    [Fact]
    public void A_certificate_that_cannot_be_loaded_stops_the_start_with_the_setting_named()
    {
        var missing = Path.Combine(_host.Folder, "missing.pfx");
        using var factory = _host.New(web => web.UseSetting("DataProtection:Certificate", missing));

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage($"DataProtection:Certificate: {missing} cannot be loaded*");
    }

    [Fact]
    public void Production_warns_at_start_that_the_keys_are_unencrypted_and_names_the_setting()
    {
        var logs = new LogCapture();
        using var production = _host.New(web => web.UseEnvironment("Production").ConfigureLogging(l => l.AddProvider(logs)));
        using (production.CreateClient()) { }

        logs.Warnings.Should().ContainSingle(w => w.Contains("stored unencrypted") && w.Contains("DataProtection:Certificate"));

        var (pfx, password) = WriteCertificate();
        var quiet = new LogCapture();
        using var protectedHost = _host.New(web => web.UseEnvironment("Production").ConfigureLogging(l => l.AddProvider(quiet))
            .UseSetting("DataProtection:Certificate", pfx).UseSetting("DataProtection:CertificatePassword", password));
        using (protectedHost.CreateClient()) { }
        quiet.Warnings.Should().NotContain(w => w.Contains("stored unencrypted"));
    }

    /// <summary>A self-signed certificate with its private key, as an operator would put in a PFX file.</summary>
    private (string File, string Password) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=KxHome keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2060, 1, 1, 0, 0, 0, TimeSpan.Zero)); // fixed: no clock is read
        var file = Path.Combine(_host.Folder, "keys.pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, "口令-2026"));
        return (file, "口令-2026");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
