namespace KxHome.Workflows.Tests.Support;

/// <summary>The repository root and the shared folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "bpmn-corpus"));

    /// <summary>The benchmark's reference flow (a general approval: submit, review, decide, record), not one of the programmes.</summary>
    public static string ReferenceFlow => File.ReadAllText(Path.Combine(Root, "tests", "KxHome.Benchmarks", "approval.bpmn"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KxHome.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("KxHome.sln not found above " + AppContext.BaseDirectory);
    }
}
