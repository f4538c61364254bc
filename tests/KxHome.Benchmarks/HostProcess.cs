using System.Diagnostics;

namespace KxHome.Benchmarks;

/// <summary>
/// The host built beside the benchmark or test (same configuration) running as its own process on a SQLite file. Also
/// compiled into the tests, whose fault suites kill it.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public static async Task<HostProcess> StartAsync(string root, string folder, string database, string url, IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(root, "src", "KxHome.Host", "bin", configuration, "net10.0", "KxHome.Host.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", // the demo logins
                ["Demo__Cases"] = "false",
                ["Urls"] = url,
                ["Workflows__ConnectionString"] = $"Data Source={database}",
                ["Workflows__SchedulerConnectionString"] = $"Data Source={database}.scheduler",
                ["Mail__OutboxFolder"] = Path.Combine(folder, "outbox"),
                ["Attachments__Folder"] = Path.Combine(folder, "attachments"),
                ["DataProtection__KeysFolder"] = Path.Combine(folder, "keys"),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        Directory.CreateDirectory(folder);
        var log = new StreamWriter(Path.Combine(folder, "host.log")) { AutoFlush = true }; // what the host logged, to read after a failure
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100); // waiting for the host to listen, not timing anything
        }
        host.Dispose();
        throw new TimeoutException("The host did not answer /health within 60 s.");
    }

    /// <summary>The host on a PostgreSQL database (<c>Workflows:Provider=Postgres</c>) instead of a SQLite file; its other files stay in <paramref name="folder"/>.</summary>
    public static Task<HostProcess> StartOnPostgresAsync(string root, string folder, string database, string url,
        IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(root, folder, Path.Combine(folder, "unused.db"), url,
            new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
            {
                ["Workflows__Provider"] = "Postgres",
                ["Workflows__ConnectionString"] = database,
            });

    /// <summary>The host's peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakRssMb() => Status("VmHWM:");

    /// <summary>The host's resident memory now (VmRSS), in MB.</summary>
    public double RssMb() => Status("VmRSS:");

    private double Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the host at once, as <c>kill -9</c> does (SIGKILL: no shutdown, no flush), and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
