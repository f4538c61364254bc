using KxHome.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Association;

/// <summary>提交备案: records a filing with the organisation above (<c>to</c> = parent), or the city or province association.</summary>
public sealed class FileReportHandler(IServiceScopeFactory scopes, TimeProvider clock) : LedgerHandler(scopes, clock)
{
    public override string Topic => "kx-file-report";

    protected override LedgerKind Kind => LedgerKind.Filing;

    protected override async Task<Outcome> DecideAsync(Workflows.Runtime.ServiceTaskContext context, string? owner, IServiceProvider services)
    {
        var to = Text(context, "to") is { Length: > 0 } t ? t : "parent";
        var people = services.GetRequiredService<People>();
        var db = services.GetRequiredService<AppDbContext>();
        var above = (await people.AncestorsAsync(owner)).Skip(1).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => above.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var chain = above.Select(id => organisations[id]).ToList();
        var target = to switch
        {
            "parent" => chain.FirstOrDefault(),
            "city" => chain.FirstOrDefault(o => o.Kind >= OrganisationKind.City),
            "province" => chain.FirstOrDefault(o => o.Kind == OrganisationKind.Province),
            _ => throw new InvalidOperationException($"“{context.ElementId}”：备案单位须为 parent、city 或 province，收到 “{to}”"),
        } ?? throw new InvalidOperationException($"“{context.ElementId}”：案件所属单位之上没有可以备案的科协");
        return new Outcome($"提交备案至{target.Name}", null, new Dictionary<string, object?> { ["filedTo"] = target.Id });
    }
}
