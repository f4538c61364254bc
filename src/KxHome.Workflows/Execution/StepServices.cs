using KxHome.Workflows.Core;
using KxHome.Workflows.Expressions;

namespace KxHome.Workflows.Execution;

/// <summary>
/// The ports a step uses: the clock, the business time zone, the expression evaluator and the working-day calendar;
/// and how many elements one step may pass through before it is taken for a loop that never waits.
/// </summary>
internal sealed record StepServices(TimeProvider Clock, TimeZoneInfo BusinessTimeZone, IExpressionEvaluator Expressions, WorkCalendar Calendar,
    int MaxTransitionsPerStep = 10_000);
