using System.Security.Cryptography;
using System.Text;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Deploys every executable process in the file. Changed XML makes version n+1; identical XML changes nothing.
    /// A file with any problem deploys nothing and throws <see cref="BpmnValidationException"/> listing them all.
    /// </summary>
    public Task<DeploymentResult> DeployAsync(string xml, string? deployedBy = null, CancellationToken ct = default) =>
        DeployAsync(xml, deployedBy, keepPublished: false, note: null, ct);

    /// <summary>
    /// Deploys as <see cref="DeployAsync(string, string?, CancellationToken)"/>; with <paramref name="keepPublished"/>, XML that
    /// any earlier version already had makes no new version either (the start-up deployment of the workflows folder:
    /// a flow an administrator changed in the studio stays as published). A new version keeps <paramref name="note"/>.
    /// </summary>
    public async Task<DeploymentResult> DeployAsync(string xml, string? deployedBy, bool keepPublished, string? note, CancellationToken ct = default)
    {
        var parsed = _parser.Parse(xml);
        if (!parsed.IsValid) throw new BpmnValidationException(parsed.Problems);
        var executable = parsed.Processes.Where(p => p.IsExecutable).ToList();
        if (executable.Count == 0)
        {
            throw new BpmnValidationException([new BpmnProblem("no-executable-process", "文件中没有可执行的流程（isExecutable=\"true\"）", null, 0, 0)]);
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        return await TransactAsync(async session =>
        {
            var deployed = new List<DeployedDefinition>();
            foreach (var process in executable)
            {
                var latest = await DefinitionStore.LatestAsync(session, process.Key, ct);
                var known = keepPublished && latest is not null && await DefinitionStore.HasVersionWithAsync(session, process.Key, hash, ct);
                if (latest is not null && (latest.XmlHash == hash || known))
                {
                    deployed.Add(new DeployedDefinition(ToView(latest), false));
                    continue;
                }
                var version = (latest?.Version ?? 0) + 1;
                var row = new DefinitionRow
                {
                    Id = $"{process.Key}:{version}", Key = process.Key, Version = version, Name = process.Name,
                    Xml = xml, XmlHash = hash, DeployedAt = Now, DeployedBy = deployedBy, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                };
                await DefinitionStore.InsertAsync(session, row, ct);
                await ArmStartTimersAsync(session, row, process, ct);
                await SubscribeStartEventsAsync(session, row, process, ct);
                deployed.Add(new DeployedDefinition(ToView(row), true));
            }
            return new DeploymentResult(deployed);
        }, ct);
    }

    /// <summary>The current (newest) version of each flow, by key; what new cases start on.</summary>
    public async Task<IReadOnlyList<DefinitionView>> LatestDefinitionsAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking()
            .Where(d => d.Version == db.Definitions.Where(v => v.Key == d.Key).Max(v => v.Version)).OrderBy(d => d.Key)
            .Select(d => new DefinitionView(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy, d.Note)).ToListAsync(ct);
    }

    /// <summary>Every deployed version, newest first within each key.</summary>
    public async Task<IReadOnlyList<DefinitionView>> ListDefinitionsAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().OrderBy(d => d.Key).ThenByDescending(d => d.Version) // without the XML
            .Select(d => new DefinitionView(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy, d.Note)).ToListAsync(ct);
    }

    /// <summary>How many cases run on each version (definition id → running cases); versions with none are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunningCasesByVersionAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Active)
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The BPMN XML of one version.</summary>
    public async Task<string> GetDefinitionXmlAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().Where(d => d.Id == definitionId).Select(d => d.Xml).FirstOrDefaultAsync(ct)
            ?? throw new WorkflowNotFoundException("definition-not-found", $"流程定义 “{definitionId}” 不存在");
    }

    private static DefinitionView ToView(DefinitionRow row) =>
        new(row.Id, row.Key, row.Version, row.Name, row.DeployedAt, row.DeployedBy, row.Note);
}
