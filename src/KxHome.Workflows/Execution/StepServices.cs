using KxHome.Workflows.Expressions;

namespace KxHome.Workflows.Execution;

/// <summary>The ports a step uses: the clock, the business time zone and the expression evaluator.</summary>
internal sealed record StepServices(TimeProvider Clock, TimeZoneInfo BusinessTimeZone, IExpressionEvaluator Expressions);
