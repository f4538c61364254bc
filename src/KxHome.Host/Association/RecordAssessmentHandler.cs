using KxHome.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Association;

/// <summary>记录考核等级: records the year's grade (优秀 / 合格 / 不合格, or Excellent / Qualified / Unqualified).</summary>
public sealed class RecordAssessmentHandler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkflowOptions> options)
    : LedgerHandler(scopes, clock)
{
    private static readonly Dictionary<string, (string Code, string Name)> Grades = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Excellent"] = ("Excellent", "优秀"), ["优秀"] = ("Excellent", "优秀"),
        ["Qualified"] = ("Qualified", "合格"), ["合格"] = ("Qualified", "合格"),
        ["Unqualified"] = ("Unqualified", "不合格"), ["不合格"] = ("Unqualified", "不合格"),
    };

    public override string Topic => "kx-record-assessment";

    protected override LedgerKind Kind => LedgerKind.Assessment;

    protected override Task<Outcome> DecideAsync(ServiceTaskContext context, string? owner, IServiceProvider services)
    {
        var text = Required(context, "grade", "考核等级");
        if (!Grades.TryGetValue(text, out var grade))
        {
            throw new InvalidOperationException($"“{context.ElementId}”：考核等级须为 优秀、合格 或 不合格，收到 “{text}”");
        }
        var yearText = Text(context, "year");
        var year = yearText.Length == 0
            ? TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), options.Value.TimeZone).Year
            : int.TryParse(yearText, out var y) && y is >= 2000 and <= 2100 ? y
            : throw new InvalidOperationException($"“{context.ElementId}”：考核年度须为年份，收到 “{yearText}”");
        return Task.FromResult(new Outcome($"{year} 年度考核：{grade.Name}", null,
            new Dictionary<string, object?> { ["assessmentGrade"] = grade.Code, ["assessmentYear"] = year }));
    }
}
