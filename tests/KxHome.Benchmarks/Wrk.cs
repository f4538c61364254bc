namespace KxHome.Benchmarks;

/// <summary>Debian's wrk, which the web and homes figures load the host with; checked before anything starts.</summary>
internal static class Wrk
{
    public const string Missing = "the web and homes figures need Debian's wrk: apt-get install wrk";

    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, "wrk")));
}
