using System.Diagnostics;
using System.Text;

namespace KxHome.Workflows.Tests.Support;

/// <summary>Runs node and npm for the test servers that come from npm, keeping their output for error messages.</summary>
public static class NodeProcess
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>
    /// Runs <c>npm ci</c> in the folder unless the package is already there. Serialized, because test classes
    /// start in parallel and two installs into one node_modules corrupt it.
    /// </summary>
    public static async Task EnsureInstalledAsync(string folder, string package)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "node_modules", package, "package.json"))) return;
            var npm = Start("npm", folder, "ci", "--no-audit", "--no-fund");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await npm.Process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Process.Kill(entireProcessTree: true);
                throw new TimeoutException($"npm ci in {folder} took longer than 5 minutes:\n{npm.Output}");
            }
            if (npm.Process.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {folder} exited with {npm.Process.ExitCode}:\n{npm.Output}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Starts a program with its output captured; <see cref="Started.Output"/> reads what it wrote so far.</summary>
    public static Started Start(string program, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Started(process, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public sealed record Started(Process Process, StringBuilder Captured)
    {
        public string Output
        {
            get { lock (Captured) return Captured.ToString(); }
        }
    }
}
