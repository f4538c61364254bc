using System.Text.Json.Nodes;
using KxHome.Host.Cases;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Reports;

/// <summary>
/// A service task of the year-end flow (topic <c>kx-year-end-*</c>): runs in its own scope and refuses bad input with a
/// Chinese message naming the task. Every write is idempotent: a retried job writes once.
/// </summary>
public abstract class YearEndTask(IServiceScopeFactory scopes) : IServiceTaskHandler
{
    public abstract string Topic { get; }

    public async Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RunAsync(context, scope.ServiceProvider, cancellationToken);
    }

    protected abstract Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct);

    protected static string Text(ServiceTaskContext context, string name) => VariableValues.Text(context.Variables, name);

    protected static int Year(ServiceTaskContext context) =>
        int.TryParse(Text(context, "year"), out var year) ? year : throw new InvalidOperationException($"“{context.ElementId}”：案件缺少统计年度（变量 year）");

    protected static int? Number(ServiceTaskContext context, string name) => int.TryParse(Text(context, name), out var n) ? n : null;
}

/// <summary>为每个区（市）县开启报送: the year's case of every district (R26).</summary>
public sealed class OpenYearEndTask(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkflowOptions> options) : YearEndTask(scopes)
{
    public override string Topic => "kx-year-end-open";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var year = BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone).Year;
        var started = await services.GetRequiredService<YearEndRound>().OpenAsync(year, ct);
        return new Dictionary<string, object?> { ["year"] = year, ["casesStarted"] = started };
    }
}

/// <summary>保存填报数量: the figures the district entered in the case are kept as the year's (R26).</summary>
public sealed class KeepYearEndFiguresTask(IServiceScopeFactory scopes) : YearEndTask(scopes)
{
    public override string Topic => "kx-year-end-figures";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<Identity.AppDbContext>();
        var areaId = Text(context, "areaId");
        var area = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == areaId, ct)
            ?? throw new InvalidOperationException($"“{context.ElementId}”：案件缺少报送单位（变量 areaId）");
        var problems = await services.GetRequiredService<YearEndTables>().SaveFiguresAsync(area, Year(context), Number(context, "localEnterprises"),
            Number(context, "scienceEnterprises"), Number(context, "industrialZones"), "system");
        return problems.Count == 0 ? null : throw new InvalidOperationException($"“{context.ElementId}”：{string.Join("；", problems.Values)}");
    }
}

/// <summary>留存报送的统计表: passed by the higher association, the tables are handed in and kept as the case's file (R26).</summary>
public sealed class SubmitYearEndTask(IServiceScopeFactory scopes) : YearEndTask(scopes)
{
    public override string Topic => "kx-year-end-submit";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<YearEndRound>().SubmitAsync(context.InstanceId, Text(context, "areaId"), Year(context), ct);
        return null;
    }
}

/// <summary>The year-end form's own check: a district has no more technology enterprises than enterprises (R26).</summary>
public sealed class YearEndFormRule : ISubmissionRule
{
    public string FormKey => "year-end-prepare";

    public Task<IReadOnlyList<FieldProblem>> CheckAsync(UserTaskView task, InstanceView instance, JsonObject data)
    {
        IReadOnlyList<FieldProblem> problems =
            decimal.TryParse(data["scienceEnterprises"]?.ToString(), out var science) && decimal.TryParse(data["localEnterprises"]?.ToString(), out var local)
            && science > local
                ? [new FieldProblem("scienceEnterprises", "科技企业数量不能多于属地企业数量")]
                : [];
        return Task.FromResult(problems);
    }
}
