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
    /// <summary>Each side runs for <paramref name="seconds"/> after as long a warm-up (tiered compilation takes seconds to settle).</summary>
    public static (double Sandboxed, double Bare) EvalsPerSecond(double seconds)
    {
        var evaluator = new JintExpressionEvaluator();
        var condition = ExpressionText.Parse("${score ge 90 and not failed}");
        var variables = new Dictionary<string, JsonNode?> { ["score"] = 95, ["failed"] = false };
        var sandboxed = Rate(seconds, () => evaluator.Evaluate(condition, variables));

        var engine = new Engine();
        engine.SetValue("score", 95).SetValue("failed", false);
        var prepared = Engine.PrepareScript("score >= 90 && !failed");
        var bare = Rate(seconds, () => engine.Evaluate(prepared));
        return (sandboxed, bare);
    }

    private static double Rate(double seconds, Action evaluate)
    {
        RunFor(seconds, evaluate); // warm
        return RunFor(seconds, evaluate) / seconds;
    }

    private static long RunFor(double seconds, Action evaluate)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1_000; i++) evaluate();
            count += 1_000;
        }
        return count;
    }
}
