namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// What the browser tests need from the machine, Debian's <c>chromium</c> and <c>fonts-noto-cjk</c>: installed by the
/// test run itself when it can (as root, with apt-get), once for the whole run; otherwise every browser test stops with
/// the one command to type, so that README's two commands are all a newcomer needs.
/// </summary>
public static class BrowserSetup
{
    public const string Command = "sudo apt-get install -y chromium fonts-noto-cjk";

    private static readonly Lazy<Task<string?>> Once = new(InstallAsync);

    /// <summary>Throws, naming the command to run, when Chromium is missing and could not be installed.</summary>
    public static async Task EnsureAsync()
    {
        if (await Once.Value is { } problem) throw new InvalidOperationException(problem);
    }

    private static async Task<string?> InstallAsync()
    {
        var missing = Missing();
        if (missing.Count == 0) return null;
        if (await DebianPackages.TryInstallAsync(missing) && Missing().Count == 0) return null;
        return $"The browser tests need Debian's {string.Join(" and ", Missing())}: run `{Command}`, then `dotnet test KxHome.sln` again.";
    }

    private static List<string> Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(Browser.ExecutablePath)) missing.Add("chromium");
        if (!Directory.Exists("/usr/share/fonts/opentype/noto") || !Directory.EnumerateFiles("/usr/share/fonts/opentype/noto", "NotoSansCJK*").Any())
        {
            missing.Add("fonts-noto-cjk");
        }
        return missing;
    }
}
