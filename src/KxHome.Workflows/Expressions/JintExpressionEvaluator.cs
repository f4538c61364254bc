using System.Text;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Expressions;

/// <summary>
/// Evaluates expressions with Jint in a sandbox: no CLR access, a frozen global realm, statement, time and
/// recursion limits. Jint 2 is not safe for engines used on several threads at once, so evaluations take turns
/// on one engine per set of limits (each takes microseconds); each expression is compiled once.
/// </summary>
public sealed class JintExpressionEvaluator(ExpressionLimits limits) : IExpressionEvaluator
{
    private static readonly Lock Turn = new();
    private static readonly Dictionary<ExpressionLimits, Sandbox> Sandboxes = [];

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
        var script = ScriptCompiler.ToJavaScript(body);
        lock (Turn)
        {
            if (!Sandboxes.TryGetValue(limits, out var sandbox)) Sandboxes[limits] = sandbox = new Sandbox(limits);
            try
            {
                return sandbox.Run(script, variables);
            }
            catch (ExpressionException)
            {
                throw; // refused by our own checks: the engine itself is sound
            }
            catch (Exception ex)
            {
                // A script error or a limit leaves the engine sound (each run resets its counters and call stack);
                // anything else might not, so that engine is not reused.
                if (ex is not (Jint.Runtime.JavaScriptException or Jint.Runtime.StatementsCountOverflowException
                        or TimeoutException or Jint.Runtime.RecursionDepthOverflowException))
                {
                    Sandboxes.Remove(limits);
                }
                throw new ExpressionException($"表达式 “${{{body}}}” 求值失败：{Describe(ex)}", ex);
            }
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        Jint.Runtime.StatementsCountOverflowException => "执行语句数超出上限",
        TimeoutException => "执行超时",
        Jint.Runtime.RecursionDepthOverflowException => "递归层数超出上限",
        Jint.Runtime.JavaScriptException js => string.IsNullOrEmpty(js.Message) ? js.Error.ToString() : js.Message,
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
