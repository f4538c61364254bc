using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Representatives;

/// <summary>
/// Starting an application for 科协代表之家: refused for an organisation that may not apply (R34), when its province has no
/// open call, or after the deadline (R35). The case names the home it applies for (<c>representative:{id}</c>).
/// </summary>
public sealed class RepresentativeStart(RepresentativeDesk desk) : IProgrammeStart
{
    public string DefinitionKey => CallDesk.HomeFlow;

    public async Task<StartRequest> PrepareAsync(Viewer viewer, StartRequest request)
    {
        var (call, problem) = await desk.CanStartAsync(request.Owner);
        if (call is null) throw new WorkflowException("representative-refused", problem!);
        return For(request, call, desk.Zone);
    }

    /// <summary>The request with what an application's case starts with: the home it applies for, its call, and the deadline its first step is due by.</summary>
    public static StartRequest For(StartRequest request, Call call, TimeZoneInfo zone)
    {
        var id = Guid.CreateVersion7();
        var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>())
        {
            ["representativeHomeId"] = id.ToString(), ["callId"] = call.Id.ToString(), ["year"] = call.Year,
            ["applyDueAt"] = BusinessDates.EndOfDayUtc(call.FilingDeadline, zone),
        };
        return request with { BusinessKey = RepresentativeRules.HomeKey(id), Variables = variables };
    }
}
