using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Persistence;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Scenarios;

/// <summary>
/// Every executable corpus file with timers, messages, call activities or multi-instance that the engine accepts is
/// run to its end: open tasks are completed, waiting messages correlated, jobs handled and the virtual clock moved
/// to the next deadline until every instance has ended.
/// </summary>
public class CorpusRunTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Start variables the upstream tests give these files.</summary>
    private static readonly Dictionary<string, object> Variables = new()
    {
        ["MultiInstanceTest.testParallelUserTasksBasedOnCollection.bpmn20.xml"] = new { assigneeList = new[] { "kermit", "gonzo", "fozzie" } },
        ["MultiInstanceTest.sequentialUserTasks.bpmn20.xml"] = new { nrOfLoops = 3 },
        ["MultiInstanceTest.testNestedMultiInstanceTasks.bpmn20.xml"] = new { subProcesses = new[] { "a", "b" }, assignees = new[] { "x", "y" } },
        ["loan-granting.bpmn"] = new { creditScores = new[] { 3, 7, 9 } },
        ["timer.bpmn20.xml"] = new { timerDate = "2026-04-01T09:00:00+08:00" },
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
        var path = Path.Combine(RepositoryPaths.Corpus, file);
        var model = new BpmnParser().Parse(File.ReadAllText(path));
        var topics = model.Processes.SelectMany(p => p.AllNodes).OfType<ServiceTaskNode>().Select(s => s.Topic).Distinct();
        await using var kx = await TestEngine.StartAsync(
            topics.Select(t => new RecordingHandler(t) { Output = Outputs.GetValueOrDefault(t) }).ToArray<IServiceTaskHandler>());
        await DeployCalledProcessesAsync(kx, path, model);
        await kx.Engine.DeployAsync(File.ReadAllText(path));
        var variables = Variables.GetValueOrDefault(Path.GetFileName(file));

        var started = new List<Guid>();
        foreach (var process in model.Processes.Where(p => p.IsExecutable && p.Root.NoneStart is not null))
        {
            started.Add((await kx.StartAsync(process.Key, variables)).Id);
        }
        foreach (var start in model.Processes.Where(p => p.IsExecutable && p.Root.NoneStart is null)
                     .SelectMany(p => p.Root.Nodes.OfType<MessageStartNode>()).Take(1))
        {
            started.AddRange((await kx.Engine.CorrelateMessageAsync(new MessageCorrelation(start.MessageName))).StartedInstanceIds);
        }
        for (var round = 0; round < 100 && !await AllEndedAsync(kx, started); round++)
        {
            if (!await StepAsync(kx, startTimers: started.Count == 0)) break;
            if (started.Count == 0) started.AddRange(await NewInstancesAsync(kx, started));
        }

        started.Should().NotBeEmpty();
        foreach (var id in started)
        {
            var instance = await kx.GetAsync(id);
            instance.Incidents.Where(i => i.ResolvedAt is null).Should().BeEmpty(file);
            instance.Status.Should().Be(InstanceStatus.Completed, $"{file} should run to its end; it waits at {string.Join(", ", instance.ActiveElements.Select(a => a.ElementId))}");
        }
    }

    /// <summary>
    /// One round of outside help: the next deadline reached first (so boundary timers get their turn), then tasks
    /// done, messages sent and jobs run. False when nothing is left to do.
    /// </summary>
    private static async Task<bool> StepAsync(TestEngine kx, bool startTimers)
    {
        var db = await kx.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        await using var _ = db;
        var next = await db.Timers.AsNoTracking().Where(t => startTimers || t.InstanceId != null)
            .OrderBy(t => t.DueAt).Select(t => (DateTime?)t.DueAt).FirstOrDefaultAsync();
        var fired = next is null ? 0 : await kx.Service<VirtualTime>().AdvanceToAsync(next.Value);
        var tasks = await kx.Engine.QueryTasksAsync(new TaskQuery());
        foreach (var task in tasks)
        {
            if ((await kx.Engine.GetTaskAsync(task.Id)).State == UserTaskState.Open) await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee ?? "kermit");
        }
        var waiting = await db.MessageSubscriptions.AsNoTracking().Where(s => s.InstanceId != null).ToListAsync();
        foreach (var subscription in waiting)
        {
            await kx.Engine.CorrelateMessageAsync(new MessageCorrelation(subscription.MessageName) { InstanceId = subscription.InstanceId, All = true });
        }
        var jobs = await kx.Engine.ExecuteDueJobsAsync();
        return fired + tasks.Count + waiting.Count + jobs > 0;
    }

    private static async Task<bool> AllEndedAsync(TestEngine kx, List<Guid> ids)
    {
        foreach (var id in ids)
        {
            if ((await kx.GetAsync(id)).Status == InstanceStatus.Active) return false;
        }
        return ids.Count > 0;
    }

    /// <summary>Instances a timer start event started, as the top-level cases to follow.</summary>
    private static async Task<IEnumerable<Guid>> NewInstancesAsync(TestEngine kx, List<Guid> known)
    {
        var db = await kx.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        await using var _ = db;
        return (await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == null).Select(i => i.Id).ToListAsync()).Except(known).ToList();
    }

    /// <summary>
    /// The processes this file's call activities call: from the files beside it, else (when upstream's test supplies
    /// its own) a process that just ends.
    /// </summary>
    private static async Task DeployCalledProcessesAsync(TestEngine kx, string path, ParseResult model)
    {
        var called = model.Processes.SelectMany(p => p.AllNodes).OfType<CallActivityNode>().Select(c => c.CalledElement.Source)
            .Except(model.Processes.Where(p => p.IsExecutable).Select(p => p.Key)).ToHashSet();
        foreach (var neighbour in Directory.EnumerateFiles(Path.GetDirectoryName(path)!))
        {
            if (neighbour == path || called.Count == 0) continue;
            var parsed = new BpmnParser().Parse(File.ReadAllText(neighbour));
            var provides = parsed.IsValid ? parsed.Processes.Where(p => p.IsExecutable && called.Contains(p.Key)).Select(p => p.Key).ToList() : [];
            if (provides.Count == 0) continue;
            await kx.Engine.DeployAsync(File.ReadAllText(neighbour));
            called.ExceptWith(provides);
        }
        foreach (var key in called)
        {
            await kx.Engine.DeployAsync(Bpmn.Process(key, """<startEvent id="s" /><endEvent id="e" />""" + Bpmn.Flow("f", "s", "e")));
        }
    }
}
