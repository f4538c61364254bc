using System.Diagnostics;
using System.Globalization;

namespace KxHome.Benchmarks;

/// <summary>Runs the same BPMN in bpmn-engine 25.0.1 (npm, installed into peer/ on first use) through peer/run.mjs.</summary>
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
