using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// A real PostgreSQL server of its own (Debian's <c>postgresql</c> package, installed by the test run itself when it
/// can, like the browser's packages): a new cluster in a temporary folder,
/// listening on a free loopback port only, run as the <c>postgres</c> user when the tests run as root (initdb refuses
/// root). Disposing stops it and deletes the folder. <see cref="NewDatabaseAsync"/> gives each test a database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "kxhome";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private int _databases;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The folder of the server's programs: the newest version Debian installed.</summary>
    public static string? BinFolder =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;

    public const string Command = "sudo apt-get install -y postgresql";

    private static readonly Lazy<Task<string?>> Installed = new(async () =>
        BinFolder ?? (await DebianPackages.TryInstallAsync(["postgresql"]) ? BinFolder : null));

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = await Installed.Value
            ?? throw new InvalidOperationException($"The PostgreSQL tests need Debian's postgresql: run `{Command}`, then `dotnet test KxHome.sln` again.");
        var folder = Path.Combine(Path.GetTempPath(), $"kxhome-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, FreePort());
        try
        {
            if (Environment.UserName == "root") await RunAsync("chown", ["postgres:postgres", folder]);
            await server.AsServerUserAsync(Path.Combine(bin, "initdb"), ["-D", server.Data, "-U", User, "-A", "trust", "-E", "UTF8", "--no-sync"]);
            await server.AsServerUserAsync(Path.Combine(bin, "pg_ctl"), ["-D", server.Data, "-l", Path.Combine(folder, "log"), "-w",
                "-t", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1", "start"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>The connection string of a database on this server (which need not exist yet).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true";

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"kx{Interlocked.Increment(ref _databases)}";
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (BinFolder is { } bin && Directory.Exists(Data))
        {
            try
            {
                await AsServerUserAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // not running
            }
        }
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private Task AsServerUserAsync(string program, IReadOnlyList<string> arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
