using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using KxHome.Workflows.Tests.Parsing;
using Xunit.Abstractions;

namespace KxHome.Workflows.Tests.Scenarios;

/// <summary>
/// Every executable corpus file with timers, messages, call activities or multi-instance that the engine accepts is
/// run to its end: open tasks are completed, waiting messages correlated, jobs handled and the virtual clock moved
/// to the next deadline until every instance has ended.
/// </summary>
public class CorpusRunTests(ITestOutputHelper output)
{
    /// <summary>Start variables the upstream tests give these files (or that their tasks' forms would set).</summary>
    private static readonly Dictionary<string, object> Variables = new()
    {
        ["MultiInstanceTest.testParallelUserTasksBasedOnCollection.bpmn20.xml"] = new { assigneeList = new[] { "kermit", "gonzo", "fozzie" } },
        ["MultiInstanceTest.sequentialUserTasks.bpmn20.xml"] = new { nrOfLoops = 3 },
        ["MultiInstanceTest.testNestedMultiInstanceTasks.bpmn20.xml"] = new { subProcesses = new[] { "a", "b" }, assignees = new[] { "x", "y" } },
        ["loan-granting.bpmn"] = new { creditScores = new[] { 3, 7, 9 } },
        ["timer.bpmn20.xml"] = new { timerDate = "2026-04-01T09:00:00+08:00" },
        ["process.bpmn"] = new { orderItems = new[] { "茶叶", "宣纸" } },
        ["benchmark-process.bpmn20.xml"] = new { inputValid = true },
        ["C.1.0.bpmn"] = new { approved = true },
        ["C.1.1.bpmn"] = new { approved = true },
        ["TerminateEndEventTest.testTerminateInSubProcessConcurrentMultiInstance.bpmn"] = new { terminate = true },
        ["ExclusiveGatewayTest.testDefaultSequenceFlow.bpmn20.xml"] = new { input = 2 },
        ["InclusiveGatewayTest.testDivergingInclusiveGateway.bpmn20.xml"] = new { input = 1 },
        ["InclusiveGatewayTest.testJoinAfterSubprocesses.bpmn20.xml"] = new { a = 1, b = 1 },
        ["reviewInvoice.bpmn"] = new { reviewer = "kermit" },
        ["reviewSalesLead.bpmn20.xml"] = new { notEnoughInformation = "false" },
        ["VacationRequest.bpmn20.xml"] = new { vacationApproved = "Approve" },
        ["TwitterDemoProcess.bpmn"] = new { approved = true },
    };

    /// <summary>What the external workers of these topics answer upstream.</summary>
    private static readonly Dictionary<string, IReadOnlyDictionary<string, object?>> Outputs = new()
    {
        ["creditScoreChecker"] = new Dictionary<string, object?> { ["creditScores"] = new[] { 3, 7, 9 } },
    };

    /// <summary>Files written for another engine's semantics, which standard token semantics cannot run to the end.</summary>
    private static readonly Dictionary<string, string> Foreign = new()
    {
        ["bpmn-elements/boundary-timeout.bpmn"] =
            "both the task and its interrupting timer lead into one parallel join; bpmn-engine passes discarded paths on, BPMN waits",
        ["bpmn-elements/timers.bpmn"] = "uses bpmn-engine's own ${environment.variables...} expressions",
        ["bpmn-elements/event-based-gateway.bpmn"] =
            "the two events of its event-based gateway lead into one parallel join; only one of them ever happens, so BPMN waits",
        ["camunda-bpm-examples/camunda-testing-job-announcement.bpmn"] = "its expressions call a Java bean (jobAnnouncementService)",
    };

    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(RepositoryPaths.Corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bpmn", StringComparison.Ordinal) || f.EndsWith(".bpmn20.xml", StringComparison.Ordinal))
            .Where(f => IsRunnableWithEvents(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Corpus, f))
            .Where(f => !Foreign.ContainsKey(f))
            .Select(f => new object[] { f })
            .OrderBy(f => (string)f[0]);

    private static bool IsRunnableWithEvents(string xml)
    {
        var parsed = new BpmnParser().Parse(xml);
        return parsed.IsValid && parsed.Processes.Any(p => p.IsExecutable && p.AllNodes.Any(n => n.MultiInstance is not null || n.Kind is
            FlowNodeKind.TimerStartEvent or FlowNodeKind.TimerCatchEvent or FlowNodeKind.BoundaryTimerEvent or FlowNodeKind.MessageStartEvent
            or FlowNodeKind.MessageCatchEvent or FlowNodeKind.ReceiveTask or FlowNodeKind.BoundaryMessageEvent or FlowNodeKind.CallActivity));
    }

    [Fact]
    public void The_corpus_has_files_of_each_kind_the_engine_runs()
    {
        // 21 since service-task input parameters are worked out: camunda-bpm-examples/loan-granting.bpmn has a script
        // input (camunda:script), which the engine refuses by name instead of ignoring.
        Files().Count().Should().BeGreaterThanOrEqualTo(21);
        new KxHome.Workflows.Parsing.BpmnParser().Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "camunda-bpm-examples", "loan-granting.bpmn")))
            .Problems.Should().ContainSingle(p => p.Code == "bad-input");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_file_runs_to_the_end(string file)
    {
        var outcome = await CorpusRun.RunAsync(file, Variables.GetValueOrDefault(Path.GetFileName(file)), Outputs);

        outcome.RanToEnd.Should().BeTrue($"{file} should run to its end, but: {outcome.Reason}");
    }

    /// <summary>Every file of the corpus, driven as far as it goes; the counts are printed and README records them.</summary>
    [Fact]
    public async Task The_whole_corpus_deploys_and_runs_at_least_as_far_as_README_records()
    {
        var outcomes = new List<CorpusOutcome>();
        foreach (var file in CorpusTests.AllFiles())
        {
            outcomes.Add(await CorpusRun.RunAsync(file, Variables.GetValueOrDefault(Path.GetFileName(file)), Outputs));
        }

        foreach (var outcome in outcomes.Where(o => o.Executable && !o.RanToEnd)) output.WriteLine($"{outcome.File}: {outcome.Reason}");
        var executable = outcomes.Count(o => o.Executable);
        var deployed = outcomes.Count(o => o.Deployed);
        var ranToEnd = outcomes.Count(o => o.RanToEnd);
        output.WriteLine($"corpus.files: {outcomes.Count}");
        output.WriteLine($"corpus.executable: {executable}");
        output.WriteLine($"corpus.deployed: {deployed}");
        output.WriteLine($"corpus.refused: {executable - deployed}");
        output.WriteLine($"corpus.started: {outcomes.Count(o => o.Started)}");
        output.WriteLine($"corpus.ran_to_end: {ranToEnd}");
        deployed.Should().BeGreaterThanOrEqualTo(59, "README records 59 files deployed");
        ranToEnd.Should().BeGreaterThanOrEqualTo(49, "README records 49 files run to their end");
    }
}
