using System.Security.Cryptography;
using System.Text;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Persistence;

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
                    deployed.Add(new DeployedDefinition(WorkflowQueries.ToView(latest), false));
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
                deployed.Add(new DeployedDefinition(WorkflowQueries.ToView(row), true));
            }
            return new DeploymentResult(deployed);
        }, ct);
    }
}
