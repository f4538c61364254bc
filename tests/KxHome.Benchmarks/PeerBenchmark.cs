using System.Diagnostics;
using System.Globalization;

namespace KxHome.Benchmarks;

/// <summary>
/// Runs the same BPMN in bpmn-engine 25.0.1 (npm, installed into peer/ on first use) through peer/run.mjs, and the
/// timer workload in Hangfire through peer/hangfire.
/// </summary>
internal static class PeerBenchmark
{
    public static double BpmnEngineInstancesPerSecond(string root, int instances)
    {
        var folder = Path.Combine(root, "tests", "KxHome.Benchmarks", "peer");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "bpmn-engine")))
        {
            Run(folder, "npm", "ci --no-audit --no-fund --loglevel=error");
        }
        var output = Run(folder, "node", $"run.mjs \"{Path.Combine(root, "tests", "KxHome.Benchmarks", "approval.bpmn")}\" {instances}");
        var line = output.Split('\n').Single(l => l.StartsWith("peer.bpmn_engine_instances_per_s:", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The `timers.*` workload on Hangfire with Hangfire.Storage.SQLite (peer/hangfire), as its own process: that
    /// storage pulls SQLitePCLRaw 3.x, which clashes with EF Core's SQLite here. Returns its `peer.hangfire_*` lines.
    /// </summary>
    public static IReadOnlyList<string> HangfireLines(string root, int timers, int due)
    {
        var folder = Path.Combine(root, "tests", "KxHome.Benchmarks", "peer", "hangfire");
        var output = Run(folder, "dotnet", $"run -c Release --project HangfirePeer.csproj -- {timers} {due}");
        // `dotnet run` also prints the build's warnings on stdout; keep only the figures.
        return output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("peer.hangfire_", StringComparison.Ordinal)).ToList();
    }

    private static string Run(string folder, string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {arguments} failed: {stderr.Result}");
        return stdout;
    }
}
