using System.Diagnostics;
using System.Text.Json.Nodes;
using Jint;
using KxHome.Workflows.Expressions;

namespace KxHome.Benchmarks;

/// <summary>
/// A gateway condition evaluated over and over: through the sandbox (allowlisted, limited, variables converted
/// each time), and as the baseline, the same condition prepared once in a bare Jint engine with fixed globals.
/// </summary>
internal static class ExpressionBenchmark
{
    public static (double Sandboxed, double Bare) EvalsPerSecond(int evaluations)
    {
        var evaluator = new JintExpressionEvaluator();
        var condition = ExpressionText.Parse("${score ge 90 and not failed}");
        var variables = new Dictionary<string, JsonNode?> { ["score"] = 95, ["failed"] = false };
        var sandboxed = Rate(evaluations, () => evaluator.Evaluate(condition, variables));

        var engine = new Engine();
        engine.SetValue("score", 95).SetValue("failed", false);
        var prepared = Engine.PrepareScript("score >= 90 && !failed");
        var bare = Rate(evaluations, () => engine.Evaluate(prepared));
        return (sandboxed, bare);
    }

    private static double Rate(int evaluations, Action evaluate)
    {
        for (var i = 0; i < 1_000; i++) evaluate(); // warm
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < evaluations; i++) evaluate();
        return evaluations / watch.Elapsed.TotalSeconds;
    }
}
