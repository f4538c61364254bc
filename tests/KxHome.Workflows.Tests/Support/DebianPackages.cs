using System.Diagnostics;

namespace KxHome.Workflows.Tests.Support;

/// <summary>Installs Debian packages the tests need from the machine, when the test run can (as root, with apt-get).</summary>
public static class DebianPackages
{
    /// <summary>Installs the packages if this process may; false when it may not (not root, or no apt-get).</summary>
    public static async Task<bool> TryInstallAsync(IReadOnlyList<string> packages)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get")) return false;
        await RunAsync("apt-get", "update", "-qq");
        await RunAsync("apt-get", ["install", "-y", "-qq", .. packages]);
        return true;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
    }
}
