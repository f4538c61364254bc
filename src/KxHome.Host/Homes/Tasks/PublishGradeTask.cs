using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;

namespace KxHome.Host.Homes.Tasks;

/// <summary>
/// 公布考核结果: publishes the grade the reviewers gave (R29) and says what follows, for the flow's gateway: <c>award</c>
/// and <c>cultivate</c> for Excellent (R17, R14), <c>rectify</c> for a first Unqualified year, <c>revoke</c> for a second (R15).
/// </summary>
public sealed class PublishGradeTask(IServiceScopeFactory scopes) : HomeTask(scopes)
{
    public override string Topic => "kx-assessment-publish";

    protected override async Task<IReadOnlyDictionary<string, object?>?> RunAsync(ServiceTaskContext context, IServiceProvider services, CancellationToken ct)
    {
        var home = await HomeAsync(context, services, ct);
        var gradeText = Text(context, "grade");
        var grade = Names.ParseGrade(gradeText)
            ?? throw new InvalidOperationException($"“{context.ElementId}”：考核等级须为 优秀、合格 或 不合格，收到 “{gradeText}”");
        var instance = await services.GetRequiredService<WorkflowEngine>().Queries.GetInstanceAsync(context.InstanceId, ct);
        var graded = instance.History.LastOrDefault(h => h.Kind == HistoryKind.TaskCompleted && h.Data?["grade"] is not null);
        var opinion = graded?.Data?["opinion"]?.ToString() ?? graded?.Comment;
        var consequence = await services.GetRequiredService<AssessmentDesk>().PublishAsync(home, Year(context), grade, graded?.UserId, opinion, context.InstanceId);
        return new Dictionary<string, object?>
        {
            ["grade"] = grade.ToString(), ["award"] = consequence.Award, ["cultivate"] = consequence.Cultivate,
            ["rectify"] = consequence.Rectify, ["revoke"] = consequence.Revoke,
        };
    }
}
