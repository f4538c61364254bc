using KxHome.Workflows.Parsing;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Parsing;

/// <summary>Every third-party file in ../shared/bpmn-corpus parses or gives located errors; nothing throws.</summary>
public class CorpusTests
{
    public static TheoryData<string> Files() => new(AllFiles());

    /// <summary>Every BPMN file of the corpus, relative to its folder, in order.</summary>
    public static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bpmn", StringComparison.Ordinal) || f.EndsWith(".bpmn20.xml", StringComparison.Ordinal))
            .Order()
            .Select(f => Path.GetRelativePath(RepositoryPaths.Corpus, f));

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_parses_or_gives_structured_errors(string file)
    {
        var xml = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, file));

        var result = new BpmnParser().Parse(xml);

        result.Problems.All(p => p.Code.Length > 0 && p.Message.Length > 0).Should().BeTrue();
        if (result.IsValid) result.Processes.Should().NotBeEmpty();
        if (file.StartsWith("bpmn-moddle/error", StringComparison.Ordinal)) result.Problems.Should().NotBeEmpty();
    }

    [Fact]
    public void The_corpus_is_there_and_complete()
    {
        Files().Count.Should().BeGreaterThanOrEqualTo(110);
    }

    [Theory]
    [InlineData("bpmn-moddle/error/duplicate-ids.bpmn", "duplicate-id")]
    [InlineData("bpmn-moddle/error/not-bpmn.bpmn", "not-bpmn")]
    [InlineData("bpmn-moddle/error/invalid-attributes.bpmn", "not-xml")]
    public void The_deliberately_invalid_files_give_the_right_error(string file, string code)
    {
        var result = new BpmnParser().Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, file)));

        result.Problems.Should().Contain(p => p.Code == code);
    }

    [Fact]
    public void Unsupported_elements_in_executable_corpus_files_are_named_not_skipped()
    {
        var xml = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "bpmn-elements/transaction.bpmn"));

        var result = new BpmnParser().Parse(xml);

        result.Problems.Should().Contain(p => p.Code == "unsupported-element" && p.ElementId != null);
    }
}
