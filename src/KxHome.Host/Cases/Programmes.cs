using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Cases;

/// <summary>
/// The programmes (latest flow versions) an applicant may start: those whose <c>camunda:candidateStarterGroups</c>
/// name one of their roles, or that name no starters at all, as in Camunda; never one marked
/// <c>camunda:isStartableInTasklist="false"</c> (started only by a timer or by another flow).
/// </summary>
public sealed class Programmes(WorkflowEngine engine, IEnumerable<IProgrammeStart> starts)
{
    public sealed record Programme(string Key, string Name);

    public async Task<IReadOnlyList<Programme>> OpenToAsync(Viewer viewer)
    {
        if (!viewer.IsApplicant || viewer.OrganisationId is null) return [];
        var open = new List<Programme>();
        foreach (var definition in await engine.Queries.LatestDefinitionsAsync())
        {
            var model = await engine.Queries.GetModelAsync(definition.Id);
            if (model.IsStartableInTasklist && (model.CandidateStarterGroups.Count == 0 || model.CandidateStarterGroups.Intersect(viewer.Roles).Any()))
            {
                open.Add(new Programme(definition.Key, definition.Name ?? definition.Key));
            }
        }
        return open;
    }

    /// <summary>Starts a case of the programme for the viewer's organisation; refused when it is not open to them.</summary>
    /// <param name="homeId">The home the case is about, for a programme that acts on one of the organisation's homes (培育升级); its start checks it.</param>
    public async Task<InstanceView> StartAsync(Viewer viewer, string key, string? businessKey, Guid? homeId = null)
    {
        if (!viewer.IsApplicant || viewer.OrganisationId is null)
        {
            throw new NotAllowedException("applicant-only", "只有申报单位可以发起申报");
        }
        if ((await OpenToAsync(viewer)).All(p => p.Key != key))
        {
            throw new WorkflowNotFoundException("definition-not-found", $"没有向本单位开放的项目 “{key}”");
        }
        var request = new StartRequest(key)
        {
            BusinessKey = businessKey, StartedBy = viewer.UserId, Owner = viewer.OrganisationId,
            Variables = homeId is { } home ? new Dictionary<string, object?> { ["homeId"] = home.ToString() } : null,
        };
        foreach (var start in starts.Where(s => s.DefinitionKey == key)) request = await start.PrepareAsync(viewer, request);
        return await engine.StartAsync(request);
    }
}
