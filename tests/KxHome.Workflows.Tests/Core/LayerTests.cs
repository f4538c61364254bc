using System.Text.RegularExpressions;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Core;

/// <summary>The engine's folders point one way: Core ← Model ← Parsing, Expressions ← Execution ← Persistence ← Runtime ← Scheduling.</summary>
public partial class LayerTests
{
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Core"] = [],
        ["Model"] = ["Core"],
        ["Expressions"] = ["Core", "Model"],
        ["Parsing"] = ["Core", "Model", "Expressions"],
        ["Execution"] = ["Core", "Model", "Expressions"],
        ["Persistence"] = ["Core", "Model", "Expressions", "Parsing", "Execution"],
        ["Runtime"] = ["Core", "Model", "Expressions", "Parsing", "Execution", "Persistence"],
        ["Scheduling"] = ["Core", "Model", "Expressions", "Parsing", "Execution", "Persistence", "Runtime"],
    };

    [Fact]
    public void No_folder_of_the_engine_reaches_up_to_a_layer_above_it()
    {
        var engine = Path.Combine(RepositoryPaths.Root, "src", "KxHome.Workflows");
        var wrong = new List<string>();
        foreach (var (layer, allowed) in MayUse)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(engine, layer), "*.cs", SearchOption.AllDirectories))
            {
                var used = Reference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct();
                wrong.AddRange(used.Where(u => u != layer && MayUse.ContainsKey(u) && !allowed.Contains(u))
                    .Select(u => $"{Path.GetRelativePath(engine, file)} uses {u}"));
            }
        }

        wrong.Should().BeEmpty();
    }

    [GeneratedRegex(@"KxHome\.Workflows\.([A-Z][a-z]+)\b")]
    private static partial Regex Reference();
}
