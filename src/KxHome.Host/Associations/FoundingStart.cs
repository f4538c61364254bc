using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Associations;

/// <summary>
/// Starting a founding (成立园区/企业科协) on its own: refused for an organisation that already has an association or is
/// on its way to one (<see cref="AssociationRegistry.FoundingProblemAsync"/>); the case names the association it will make (<c>association:{id}</c>).
/// </summary>
public sealed class FoundingStart(AssociationRegistry registry) : IProgrammeStart
{
    public const string Key = "association-founding";

    public string DefinitionKey => Key;

    public async Task<StartRequest> PrepareAsync(Viewer viewer, StartRequest request)
    {
        if (await registry.FoundingProblemAsync(request.Owner) is { } problem) throw new WorkflowException("association-exists", problem);
        var id = Guid.CreateVersion7();
        var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>()) { ["associationId"] = id.ToString() };
        return request with { BusinessKey = AssociationKeys.Founding(id), Variables = variables };
    }
}
