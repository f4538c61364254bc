using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>Turns a timer's evaluated value into a due time, and a fired cycle into its next occurrence.</summary>
internal static partial class TimerDue
{
    /// <summary>The timer armed now for the value; throws an <see cref="IncidentException"/> naming the event when it cannot be read.</summary>
    public static NewTimer Arm(TimerDefinition timer, JsonNode? value, FlowNode node, Guid? tokenId, DateTime now, StepServices services)
    {
        var text = VariableValues.Display(value);
        var zone = services.BusinessTimeZone;
        if (timer.Kind == TimerKind.Cycle)
        {
            if (!TimerSchedule.TryParse(text, zone, out var schedule, out var error))
            {
                throw new IncidentException("bad-timer", $"“{node.DisplayName}”：{error}");
            }
            var (first, skipped) = schedule.First(now, zone)
                ?? throw new IncidentException("bad-timer", $"“{node.DisplayName}” 的循环定时 “{text}” 已没有未来的时间");
            return new NewTimer(Ids.TimeOrdered(now), tokenId, node.Id, node.Name, first, text, skipped);
        }
        DateTime? due;
        if (timer.WorkingDays)
        {
            due = WholeDays().Match(text) is { Success: true } days
                ? services.Calendar.DueAfterWorkingDays(now, int.Parse(days.Groups[1].Value, CultureInfo.InvariantCulture), zone)
                : throw new IncidentException("bad-timer", $"“{node.DisplayName}” 按工作日计时，时长须为整天数（如 P3D），而不是 “{text}”");
        }
        else
        {
            due = DueDates.Resolve(value, now, zone);
        }
        return new NewTimer(Ids.TimeOrdered(now), tokenId, node.Id, node.Name,
            due ?? throw new IncidentException("bad-timer", $"“{node.DisplayName}” 的定时 “{text}” 不是日期、日期时间或 ISO 8601 时长"),
            WorkingDays: timer.WorkingDays);
    }

    /// <summary>
    /// The next occurrence of a cycle that just fired, as a new timer; null for a one-off or a finished cycle.
    /// Occurrences that passed while the host was down are counted as done, not fired one after another.
    /// </summary>
    public static NewTimer? Next(TimerFiring fired, Guid? tokenId, FlowNode node, DateTime now, StepServices services)
    {
        if (fired.Cycle is null || !TimerSchedule.TryParse(fired.Cycle, services.BusinessTimeZone, out var schedule, out _)) return null;
        var count = fired.Fired + 1;
        var next = schedule.Next(fired.DueAt, count, services.BusinessTimeZone);
        while (next is { } missed && missed <= now)
        {
            count++;
            next = schedule.Next(missed, count, services.BusinessTimeZone);
        }
        return next is null
            ? null
            : new NewTimer(Ids.TimeOrdered(now), tokenId, node.Id, node.Name, next.Value, fired.Cycle, count);
    }

    [GeneratedRegex(@"^\s*P(\d{1,4})D\s*$")]
    private static partial Regex WholeDays();
}
