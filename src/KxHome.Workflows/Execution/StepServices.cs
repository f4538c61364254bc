using KxHome.Workflows.Expressions;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Execution;

/// <summary>The ports a step uses: the clock, the business time zone, the expression evaluator and the working-day calendar.</summary>
internal sealed record StepServices(TimeProvider Clock, TimeZoneInfo BusinessTimeZone, IExpressionEvaluator Expressions, WorkCalendar Calendar);
