using KxHome.Workflows.Runtime;

namespace KxHome.Host.Hosting;

/// <summary>
/// At start-up: creates or upgrades the database, then deploys every <c>workflows/*.bpmn</c>. A file whose content some
/// version already had makes no new version, so what an administrator published in the studio stays current.
/// </summary>
public sealed class WorkflowFolderDeployer(
    WorkflowDatabase database, WorkflowEngine engine, ContentLayout layout, ILogger<WorkflowFolderDeployer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        if (!Directory.Exists(layout.WorkflowsFolder)) return;
        foreach (var file in Directory.EnumerateFiles(layout.WorkflowsFolder, "*.bpmn").Order())
        {
            try
            {
                var xml = await File.ReadAllTextAsync(file, cancellationToken);
                var result = await engine.DeployAsync(xml, "system", keepPublished: true, note: "随程序部署（workflows 文件夹）", cancellationToken);
                foreach (var deployed in result.Definitions.Where(d => d.IsNewVersion))
                {
                    logger.LogInformation("Deployed {Definition} from {File}", deployed.Definition.Id, Path.GetFileName(file));
                }
            }
            catch (BpmnValidationException ex)
            {
                logger.LogError("Not deployed {File}: {Problems}", Path.GetFileName(file), string.Join("; ", ex.Problems));
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
