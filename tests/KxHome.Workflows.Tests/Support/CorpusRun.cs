using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Persistence;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Support;

/// <summary>How far one corpus file got: not executable, refused at deployment, deployed, started, or run to its end.</summary>
public sealed record CorpusOutcome(string File, bool Executable, bool Deployed, bool Started, bool RanToEnd, string? Reason);

/// <summary>
/// Drives one third-party file as a newcomer would: deploy it (with the processes its call activities call), start
/// each process with a none start event (else send its start message, else wait for its start timer), then round by
/// round reach the next deadline, complete every open task with no variables, correlate every waiting message and run
/// every service task (a handler per topic that answers <paramref name="outputs"/>), until each case has ended or
/// nothing more happens (at most 100 rounds).
/// </summary>
public static class CorpusRun
{
    public static async Task<CorpusOutcome> RunAsync(string file, object? variables = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>>? outputs = null)
    {
        var path = Path.Combine(RepositoryPaths.Corpus, file);
        var xml = File.ReadAllText(path);
        var model = new BpmnParser().Parse(xml);
        if (!model.Processes.Any(p => p.IsExecutable)) return new CorpusOutcome(file, false, false, false, false, "no executable process");
        var topics = model.Processes.SelectMany(p => p.AllNodes).OfType<ServiceTaskNode>().Select(s => s.Topic).Distinct();
        await using var kx = await TestEngine.StartAsync(
            topics.Select(t => new RecordingHandler(t) { Output = outputs?.GetValueOrDefault(t) }).ToArray<IServiceTaskHandler>());
        try
        {
            await DeployCalledProcessesAsync(kx, path, model);
            await kx.Engine.DeployAsync(xml);
        }
        catch (BpmnValidationException ex)
        {
            return new CorpusOutcome(file, true, false, false, false, ex.Problems[0].Message);
        }

        var started = new List<Guid>();
        try
        {
            foreach (var process in model.Processes.Where(p => p.IsExecutable && p.Root.NoneStart is not null))
            {
                started.Add((await kx.StartAsync(process.Key, variables)).Id);
            }
            foreach (var start in model.Processes.Where(p => p.IsExecutable && p.Root.NoneStart is null)
                         .SelectMany(p => p.Root.Nodes.OfType<MessageStartNode>()).Take(1))
            {
                started.AddRange((await kx.Engine.CorrelateMessageAsync(new MessageCorrelation(start.MessageName) { Variables = Vars.Of(variables) })).StartedInstanceIds);
            }
        }
        catch (WorkflowException ex)
        {
            return new CorpusOutcome(file, true, true, false, false, $"start: {ex.Message}");
        }
        for (var round = 0; round < 100 && !await AllEndedAsync(kx, started); round++)
        {
            if (!await StepAsync(kx, startTimers: started.Count == 0)) break;
            if (started.Count == 0) started.AddRange(await NewInstancesAsync(kx, started));
        }
        if (started.Count == 0) return new CorpusOutcome(file, true, true, false, false, "no case started");
        foreach (var id in started)
        {
            var instance = await kx.GetAsync(id);
            if (instance.Incidents.FirstOrDefault(i => i.ResolvedAt is null) is { } incident)
            {
                return new CorpusOutcome(file, true, true, true, false, $"incident at {incident.ElementId}: {incident.Message}");
            }
            if (instance.Status != InstanceStatus.Completed)
            {
                return new CorpusOutcome(file, true, true, true, false,
                    $"waits at {string.Join(", ", instance.ActiveElements.Select(a => a.ElementId))}");
            }
        }
        return new CorpusOutcome(file, true, true, true, true, null);
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
        var tasks = await kx.Engine.Queries.QueryTasksAsync(new TaskQuery());
        foreach (var task in tasks)
        {
            if ((await kx.Engine.Queries.GetTaskAsync(task.Id)).State == UserTaskState.Open) await kx.Engine.CompleteTaskAsync(task.Id, task.Assignee ?? "kermit");
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
