namespace KxHome.Host.Association;

/// <summary>命名授牌: records the naming (and plaque) of the applicant's organisation with <c>title</c>.</summary>
public sealed class NamePlaqueHandler(IServiceScopeFactory scopes, TimeProvider clock) : LedgerHandler(scopes, clock)
{
    public override string Topic => "kx-name-plaque";

    protected override LedgerKind Kind => LedgerKind.Naming;

    protected override Task<Outcome> DecideAsync(Workflows.Runtime.ServiceTaskContext context, string? owner, IServiceProvider services)
    {
        var title = Text(context, "title") is { Length: > 0 } t ? t : "科技工作者之家";
        return Task.FromResult(new Outcome($"命名授牌：{title}", null,
            new Dictionary<string, object?> { ["designated"] = true, ["designationTitle"] = title }));
    }
}
