using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Associations;

/// <summary>
/// Starting a cultivation path (培育升级): for an Active enterprise or park home of the applicant's organisation (the one
/// named by <c>homeId</c>, else its only one) of an organisation not already on its way to an association; the case names the home
/// (<c>home:{id}:cultivation</c>).
/// </summary>
public sealed class CultivationStart(AppDbContext db, AssociationRegistry registry) : IProgrammeStart
{
    public const string Key = "cultivation-upgrade";

    public string DefinitionKey => Key;

    public async Task<StartRequest> PrepareAsync(Viewer viewer, StartRequest request)
    {
        var named = request.Variables?.GetValueOrDefault("homeId")?.ToString();
        var homes = await db.Homes.AsNoTracking()
            .Where(h => h.OrganisationId == request.Owner && h.Kind != HomeKind.Street && h.Status == HomeStatus.Active).ToListAsync();
        var home = named is not null ? homes.FirstOrDefault(h => h.Id.ToString() == named)
            : homes.Count == 1 ? homes[0] : null;
        if (home is null)
        {
            throw new WorkflowException("no-home-to-cultivate", named is not null || homes.Count == 0
                ? "本单位没有可以开始培育的之家：培育升级面向已认定、正常运行的企业/园区之家（第八条）"
                : "本单位有多个之家，请在要培育的之家页面点击“开始培育升级”");
        }
        if (CultivationRules.StartProblem(home) is { } problem || (problem = await registry.FoundingProblemAsync(home.OrganisationId)) is not null)
        {
            throw new WorkflowException("cannot-cultivate", problem);
        }
        var key = AssociationKeys.Cultivation(home.Id);
        var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>())
        {
            ["homeId"] = home.Id.ToString(), ["homeName"] = home.Name,
        };
        return request with { BusinessKey = key, Variables = variables };
    }
}
