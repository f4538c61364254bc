using System.Globalization;
using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A user task evaluates its attributes, creates the task and waits until someone completes it.</summary>
internal sealed class UserTaskBehavior : IFlowNodeBehavior
{
    private const int DefaultPriority = 50;

    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var settings = ((UserTaskNode)node).Settings;
        var task = new NewUserTask(
            Id: Ids.TimeOrdered(step.Now),
            TokenId: token.Id,
            ElementId: node.Id,
            Name: node.Name,
            Assignee: Text(step, token, settings.Assignee),
            CandidateUsers: List(step, token, settings.CandidateUsers),
            CandidateGroups: List(step, token, settings.CandidateGroups),
            FormKey: settings.FormKey,
            DueAt: DueAt(step, token, node, settings.DueDate),
            Priority: Priority(step, token, node, settings.Priority));
        step.Record(HistoryKind.TaskCreated, node, task.Id, data: new JsonObject
        {
            ["assignee"] = task.Assignee,
            ["candidateUsers"] = new JsonArray(task.CandidateUsers.Select(u => (JsonNode?)u).ToArray()),
            ["candidateGroups"] = new JsonArray(task.CandidateGroups.Select(g => (JsonNode?)g).ToArray()),
            ["dueAt"] = task.DueAt is { } due ? VariableValues.FormatDateTime(due) : null,
        });
        return Outcome.WaitOn(task);
    }

    private static string? Text(Step step, Token token, Expression? expression)
    {
        if (expression is null) return null;
        var value = step.Evaluate(expression, token);
        var text = VariableValues.AsText(value);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static IReadOnlyList<string> List(Step step, Token token, Expression? expression)
    {
        if (expression is null) return [];
        var value = step.Evaluate(expression, token);
        return value is JsonArray array
            ? UserTaskSettings.Names(array.Select(i => VariableValues.AsText(i) ?? ""))
            : UserTaskSettings.Names(VariableValues.AsText(value) ?? "");
    }

    private static DateTime? DueAt(Step step, Token token, FlowNode node, Expression? expression)
    {
        if (expression is null) return null;
        var value = step.Evaluate(expression, token);
        if (value is null) return null;
        return DueDates.Resolve(value, step.Now, step.BusinessTimeZone)
            ?? throw new IncidentException("bad-due-date",
                $"“{node.DisplayName}” 的到期时间 “{VariableValues.Display(value)}” 不是日期、日期时间或 ISO 8601 时长");
    }

    private static int Priority(Step step, Token token, FlowNode node, Expression? expression)
    {
        if (expression is null) return DefaultPriority;
        var value = step.Evaluate(expression, token);
        var text = VariableValues.AsText(value);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority)
            ? priority
            : throw new IncidentException("bad-priority", $"“{node.DisplayName}” 的优先级 “{text}” 不是整数");
    }
}
