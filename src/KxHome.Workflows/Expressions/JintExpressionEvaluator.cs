using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Expressions;

/// <summary>
/// Evaluates expressions with Jint in a sandbox: no CLR access, a frozen global realm, statement, time and
/// recursion limits. Engines are pooled (one per concurrent evaluation) and compile each expression once.
/// </summary>
public sealed class JintExpressionEvaluator(ExpressionLimits limits) : IExpressionEvaluator
{
    // Engines are costly to build (the realm is frozen once per engine), so evaluators with equal limits share them.
    private static readonly ConcurrentDictionary<ExpressionLimits, ConcurrentBag<Sandbox>> Pools = new();
    private readonly ConcurrentBag<Sandbox> _sandboxes = Pools.GetOrAdd(limits, _ => []);

    /// <summary>An evaluator with the default limits.</summary>
    public JintExpressionEvaluator() : this(new ExpressionLimits()) { }

    /// <inheritdoc />
    public JsonNode? Evaluate(Expression expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (expression.IsLiteral) return JsonValue.Create(expression.Source);
        if (expression.IsSingleScript) return Run(expression.Parts[0].Text, variables);
        var text = new StringBuilder();
        foreach (var part in expression.Parts)
        {
            text.Append(part.IsScript ? Stringify(Run(part.Text, variables)) : part.Text);
        }
        return JsonValue.Create(text.ToString());
    }

    private JsonNode? Run(string body, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var sandbox = _sandboxes.TryTake(out var idle) ? idle : new Sandbox(limits);
        try
        {
            var result = sandbox.Run(ScriptCompiler.ToJavaScript(body), variables);
            _sandboxes.Add(sandbox);
            return result;
        }
        catch (ExpressionException)
        {
            _sandboxes.Add(sandbox); // refused by our own checks: the engine itself is sound
            throw;
        }
        catch (Exception ex)
        {
            // An engine that failed half-way is not reused.
            throw new ExpressionException($"表达式 “${{{body}}}” 求值失败：{Describe(ex)}", ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        Jint.Runtime.StatementsCountOverflowException => "执行语句数超出上限",
        TimeoutException => "执行超时",
        Jint.Runtime.RecursionDepthOverflowException => "递归层数超出上限",
        Jint.Runtime.JavaScriptException js => js.Message,
        _ => ex.Message,
    };

    private static string Stringify(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private sealed class Sandbox
    {
        private const string FreezeRealm = """
            (function (root) {
              var seen = [];
              function freeze(o) {
                if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.indexOf(o) >= 0) return;
                seen.push(o);
                Object.freeze(o);
                var names = Object.getOwnPropertyNames(o);
                for (var i = 0; i < names.length; i++) {
                  var d = Object.getOwnPropertyDescriptor(o, names[i]);
                  if (d && 'value' in d) freeze(d.value);
                }
                freeze(Object.getPrototypeOf(o));
              }
              freeze(root);
            })(this);
            """;

        private readonly Engine _engine;
        private readonly Dictionary<string, JsValue> _functions = [];

        public Sandbox(ExpressionLimits limits)
        {
            _engine = new Engine(o => o
                .MaxStatements(limits.MaxStatements)
                .TimeoutInterval(limits.Timeout)
                .LimitRecursion(limits.MaxRecursion)
                .LocalTimeZone(TimeZoneInfo.Utc));
            _engine.Execute(FreezeRealm);
            Run("1 + 1", new Dictionary<string, JsonNode?>()); // warm the interpreter before a real expression is timed
        }

        public JsonNode? Run(string script, IReadOnlyDictionary<string, JsonNode?> variables)
        {
            if (!_functions.TryGetValue(script, out var function))
            {
                function = _engine.Execute($"(function (__kx) {{ with (__kx) {{ return ({script}\n); }} }})").GetCompletionValue();
                _functions[script] = function;
            }
            var scope = _engine.Object.Construct(Jint.Runtime.Arguments.Empty);
            foreach (var (name, value) in variables) scope.Put(name, JsConversion.ToJs(_engine, value), false);
            _engine.ResetStatementsCount();
            _engine.ResetTimeoutTicks();
            _engine.ResetCallStack();
            return JsConversion.FromJs(_engine.Invoke(function, JsValue.Undefined, [scope]));
        }
    }
}
