using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Associations;

/// <summary>
/// Starting a cultivation path (培育升级): for an Active enterprise or park home of the applicant's organisation (the one
/// named by <c>homeId</c>, else its only one), not already on a path; the case names the home
/// (<c>home:{id}:cultivation</c>).
/// </summary>
public sealed class CultivationStart(AppDbContext db, WorkflowEngine engine) : IProgrammeStart
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
            var problem = named is not null || homes.Count == 0
                ? "本单位没有可以开始培育的之家：培育升级面向已认定、正常运行的企业/园区之家（第八条）"
                : "本单位有多个之家，请在之家页面选择要培育的之家";
            throw new WorkflowException("no-home-to-cultivate", problem);
        }
        var key = AssociationKeys.Cultivation(home.Id);
        if ((await engine.QueryInstancesAsync(new InstanceQuery { BusinessKey = key, Status = InstanceStatus.Active, Take = 1 })).FirstOrDefault() is { } open)
        {
            throw new WorkflowException("already-cultivating", $"之家 “{home.Name}” 已在培育路径上（案件 {open.Number}）");
        }
        var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>())
        {
            ["homeId"] = home.Id.ToString(), ["homeName"] = home.Name,
        };
        return request with { BusinessKey = key, Variables = variables };
    }
}
