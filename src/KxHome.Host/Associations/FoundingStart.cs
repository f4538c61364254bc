using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Associations;

/// <summary>
/// Starting a founding (成立园区/企业科协) on its own: refused for an organisation that already has an association or is
/// founding one; the case names the association it will make (<c>association:{id}</c>).
/// </summary>
public sealed class FoundingStart(AppDbContext db) : IProgrammeStart
{
    public const string Key = "association-founding";

    public string DefinitionKey => Key;

    public async Task<StartRequest> PrepareAsync(Viewer viewer, StartRequest request)
    {
        var held = await db.Associations.AsNoTracking()
            .FirstOrDefaultAsync(a => a.OrganisationId == request.Owner && a.Status != AssociationStatus.Refused);
        if (held is not null)
        {
            throw new WorkflowException("association-exists", $"本单位已有“{held.Name}”（{Names.Of(held.Status)}），不能重复申请成立");
        }
        var id = Guid.CreateVersion7();
        var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>()) { ["associationId"] = id.ToString() };
        return request with { BusinessKey = AssociationKeys.Founding(id), Variables = variables };
    }
}
