namespace KxHome.Benchmarks;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KxHome.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("KxHome.sln not found");
    }
}
