using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Homes.Tasks;

/// <summary>纳入培育名单: an enterprise or park home graded Excellent goes on the cultivation list, with the year it entered (R14).</summary>
public sealed class CultivateTask(IServiceScopeFactory scopes, TimeProvider clock) : HomeTask(scopes)
{
    public override string Topic => "kx-home-cultivate";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await HomeAsync(context, services, ct);
        if (home.Kind == HomeKind.Street || !RuleBook.Applies(home.RuleSet, "R14"))
        {
            return new Dictionary<string, object?> { ["cultivated"] = false }; // R14: Jiading's enterprise and park homes
        }
        var db = services.GetRequiredService<AppDbContext>();
        var year = Year(context);
        if (!await db.CultivationList.AnyAsync(c => c.HomeId == home.Id, ct))
        {
            var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.HomeId == home.Id && a.Year == year, ct);
            db.CultivationList.Add(new CultivationListing { HomeId = home.Id, Year = year, AssessmentId = assessment?.Id, At = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return new Dictionary<string, object?> { ["cultivated"] = true };
    }
}
