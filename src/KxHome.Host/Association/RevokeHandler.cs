namespace KxHome.Host.Association;

/// <summary>取消资格: records the revocation of the organisation's designation, with its reason.</summary>
public sealed class RevokeHandler(IServiceScopeFactory scopes, TimeProvider clock) : LedgerHandler(scopes, clock)
{
    public override string Topic => "kx-revoke";

    protected override LedgerKind Kind => LedgerKind.Revocation;

    protected override Task<Outcome> DecideAsync(Workflows.Runtime.ServiceTaskContext context, string? owner, IServiceProvider services)
    {
        var reason = Required(context, "reason", "取消原因");
        return Task.FromResult(new Outcome($"取消资格：{reason}", null, new Dictionary<string, object?> { ["revoked"] = true }));
    }
}
