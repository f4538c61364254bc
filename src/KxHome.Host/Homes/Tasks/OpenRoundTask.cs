using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>开启年度考核: one assessment case per Active or Rectifying home, none for the others (R13); opening twice starts nothing twice.</summary>
public sealed class OpenRoundTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-assessment-open";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var started = await services.GetRequiredService<AssessmentDesk>().OpenRoundAsync(Year(context), ct);
        return new Dictionary<string, object?> { ["casesStarted"] = started };
    }
}
