using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// The real host (Development: demo people) on fresh SQLite files that outlive a restart; deleted at the end. Its clock is
/// virtual and starts at <see cref="Start"/> (a working Wednesday inside the year's certification call), unless told otherwise.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>Where the virtual clock starts: 2026-05-06 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset Start = new(2026, 5, 6, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kxhome-host-{Guid.NewGuid():N}.db");

    /// <summary>The host's folders (mail outbox, attachments, keys), deleted at the end.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("kxhome-host-").FullName;

    private readonly bool _realClock;
    private readonly DateTimeOffset _start;

    // A host watches its appsettings files for changes, one inotify instance each, and the machine allows 128 per user:
    // the suite's hundreds of hosts would run out. Tests never edit those files, so no host of the suite watches them.
    static TestHost() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    /// <summary>
    /// A host on fresh files; <paramref name="realClock"/> keeps the system clock (which cannot be moved), else the virtual
    /// clock starts at <paramref name="start"/> (default <see cref="Start"/>).
    /// </summary>
    public TestHost(bool realClock = false, DateTimeOffset? start = null)
    {
        _realClock = realClock;
        _start = start ?? Start;
        // The forms, copied: the studio saves forms, and the repository's own must stay as they are.
        var forms = Directory.CreateDirectory(Path.Combine(Folder, "forms")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Workflows, "forms"))) File.Copy(file, Path.Combine(forms, Path.GetFileName(file)));
        Factory = New();
    }

    public WebApplicationFactory<Program> Factory { get; private set; }

    /// <summary>A host on the same files, configured further (environment, settings).</summary>
    public WebApplicationFactory<Program> New(Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development")
                .UseSetting("Workflows:ConnectionString", $"Data Source={_file}")
                .UseSetting("Workflows:SchedulerConnectionString", $"Data Source={_file}.scheduler")
                .UseSetting("Mail:OutboxFolder", Path.Combine(Folder, "outbox"))
                .UseSetting("Attachments:Folder", Path.Combine(Folder, "attachments"))
                .UseSetting("Forms:Folder", Path.Combine(Folder, "forms"))
                .UseSetting("DataProtection:KeysFolder", Path.Combine(Folder, "keys"))
                .UseSetting("Demo:Cases", "false"); // tests start from no cases; DemoCasesTests turns them on
            if (!_realClock) web.UseSetting("Clock:Mode", "Virtual").UseSetting("Clock:Start", _start.ToString("O"));
            configure?.Invoke(web);
        });

    /// <summary>Replaces the (not yet started) host by one configured further, e.g. with an SMTP server.</summary>
    public void RestartWith(Action<IWebHostBuilder> configure)
    {
        Factory.Dispose();
        Factory = New(configure);
    }

    /// <summary>Stops the host and starts a new one on the same files.</summary>
    public async Task RestartAsync()
    {
        using (Factory.CreateClient()) { }
        await Factory.DisposeAsync();
        Factory = New();
    }

    /// <summary>Serves the host on a real Kestrel socket on a free loopback port (for a browser); gives its address.</summary>
    public string StartKestrel()
    {
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First();
    }

    /// <summary>A client signed in as a demo login (e.g. "applicant") with a bearer token.</summary>
    public Task<HttpClient> SignInAsync(string login) => SignInAsync(Factory, login);

    /// <summary>The same on another host of these files (see <see cref="New"/>).</summary>
    public static Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string login) =>
        BearerClient.SignInAsync(factory.CreateClient(), login);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".scheduler", ".scheduler-wal", ".scheduler-shm" }) File.Delete(_file + suffix);
        Directory.Delete(Folder, recursive: true);
    }
}
