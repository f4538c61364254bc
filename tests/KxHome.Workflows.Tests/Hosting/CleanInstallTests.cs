using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Hosting;

/// <summary>
/// A clean install of the browser parts, as a fresh clone's first build does it, starts nothing that phones home
/// (@carbon's postinstall used to start IBM's telemetry, which read the repository and posted it out), and the bundles
/// still build without any package's install script.
/// </summary>
public sealed class CleanInstallTests
{
    private static IReadOnlyList<string> TelemetryProcesses() =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Where(File.Exists)
            .Select(f => { try { return File.ReadAllText(f).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(c => c.Contains("ibmtelemetry", StringComparison.OrdinalIgnoreCase) || c.Contains("telemetry-js", StringComparison.OrdinalIgnoreCase))
            .ToList();

    [Fact]
    public async Task A_clean_install_of_the_browser_parts_starts_no_telemetry_and_the_bundles_build()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "KxHome.Host", "ClientApp");
        var root = Directory.CreateTempSubdirectory("kxhome-clean-install-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(root, "ClientApp")).FullName; // the bundles go to ../wwwroot/dist
        try
        {
            foreach (var file in new[] { "package.json", "package-lock.json", ".npmrc", "build.mjs" }) File.Copy(Path.Combine(source, file), Path.Combine(folder, file));
            CopyFolder(Path.Combine(source, "src"), Path.Combine(folder, "src"));

            await RunAsync(folder, "npm", "ci");
            var running = TelemetryProcesses();
            await RunAsync(folder, "node", "build.mjs");

            running.Should().BeEmpty("no install script starts IBM's telemetry");
            File.Exists(Path.Combine(folder, "node_modules", "@carbon", "grid", "package.json")).Should().BeTrue("the package that carries it was installed");
            File.Exists(Path.Combine(root, "wwwroot", "dist", "studio.js")).Should().BeTrue("esbuild bundles without its own install script");
            File.Exists(Path.Combine(root, "wwwroot", "dist", "forms.js")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task RunAsync(string folder, string program, params string[] arguments)
    {
        var run = NodeProcess.Start(program, folder, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await run.Process.WaitForExitAsync(timeout.Token);
        run.Process.ExitCode.Should().Be(0, run.Output);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
