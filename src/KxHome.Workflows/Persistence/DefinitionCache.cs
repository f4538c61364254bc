using System.Collections.Concurrent;
using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Persistence;

/// <summary>Parsed process models by definition id. Versions are immutable, so a parsed model never goes stale.</summary>
internal sealed class DefinitionCache(BpmnParser parser)
{
    private readonly ConcurrentDictionary<string, ProcessModel> _models = new();

    public async Task<ProcessModel> GetAsync(WorkflowDbContext db, string definitionId, CancellationToken ct)
    {
        if (_models.TryGetValue(definitionId, out var model)) return model;
        var row = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct)
            ?? throw new Core.WorkflowNotFoundException("definition-not-found", $"流程定义 “{definitionId}” 不存在");
        return _models.GetOrAdd(definitionId, _ => Parse(row));
    }

    public async Task<ProcessModel> GetAsync(StepSession session, string definitionId, CancellationToken ct)
    {
        if (_models.TryGetValue(definitionId, out var model)) return model;
        var row = await StepReader.DefinitionXmlAsync(session, definitionId, ct)
            ?? throw new InvalidOperationException($"definition {definitionId} is missing");
        return _models.GetOrAdd(definitionId, _ => Parse(row));
    }

    private ProcessModel Parse(DefinitionRow row) =>
        parser.Parse(row.Xml).Processes.First(p => p.Key == row.Key);
}
