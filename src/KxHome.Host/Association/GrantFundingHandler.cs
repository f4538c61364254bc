namespace KxHome.Host.Association;

/// <summary>发放建设资助: records a grant of <c>amountFen</c> 分 for <c>purpose</c>.</summary>
public sealed class GrantFundingHandler(IServiceScopeFactory scopes, TimeProvider clock) : LedgerHandler(scopes, clock)
{
    public override string Topic => "kx-grant-funding";

    protected override LedgerKind Kind => LedgerKind.Funding;

    protected override Task<Outcome> DecideAsync(Workflows.Runtime.ServiceTaskContext context, string? owner, IServiceProvider services)
    {
        var text = Required(context, "amountFen", "金额（分）");
        if (!long.TryParse(text, out var fen) || fen <= 0)
        {
            throw new InvalidOperationException($"“{context.ElementId}”：金额（分）须为正整数，收到 “{text}”");
        }
        var purpose = Text(context, "purpose") is { Length: > 0 } p ? p : "建设资助";
        return Task.FromResult(new Outcome($"发放{purpose} {fen / 100m:N2} 元", fen, new Dictionary<string, object?> { ["fundingFen"] = fen }));
    }
}
