using System.Text.Json.Nodes;
using System.Text;
using Jint.Native.Object;
using Jint.Native;
using Jint;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Expressions;

/// <summary>
/// Evaluates expressions with Jint 4 in a sandbox: no CLR access, no code from strings, a frozen global realm,
/// and statement, time, recursion and memory limits. A Jint engine is not safe on several threads at once, so
/// evaluations take turns on one engine per set of limits (each takes microseconds); each expression is compiled once.
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
        var script = ScriptCompiler.Compile(body);
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
                        or TimeoutException or Jint.Runtime.RecursionDepthOverflowException or Jint.Runtime.MemoryLimitExceededException))
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
        Jint.Runtime.MemoryLimitExceededException => "占用内存超出上限",
        Jint.Runtime.JavaScriptException js when js.Message.Contains("String compilation", StringComparison.Ordinal) => "不允许由字符串生成代码",
        Jint.Runtime.JavaScriptException js => string.IsNullOrEmpty(js.Message) ? js.Error.ToString() : js.Message,
        _ => ex.Message,
    };

    private static string Stringify(JsonNode? value) => VariableValues.AsText(value) ?? "";

    private sealed class Sandbox
    {
        private const int MaxFunctions = 10_000; // a bound on memory; flows have far fewer expressions

        private readonly Engine _engine;
        private readonly Dictionary<string, JsValue> _functions = [];

        public Sandbox(ExpressionLimits limits)
        {
            _engine = new Engine(o => o
                .MaxStatements(limits.MaxStatements)
                .TimeoutInterval(limits.Timeout)
                .LimitRecursion(limits.MaxRecursion)
                .LimitMemory(limits.MaxMemoryBytes)
                .DisableStringCompilation()
                .LocalTimeZone(TimeZoneInfo.Utc));
            FreezeRealm(_engine);
            Run(ScriptCompiler.Compile("1 + 1"), new Dictionary<string, JsonNode?>()); // warm the interpreter before a real expression is timed
        }

        /// <summary>
        /// Runs the script as a function whose parameters are the variables it names (an unknown name stays unbound and
        /// is a ReferenceError), so only those variables are converted; compiled once per script and set of names.
        /// </summary>
        public JsonNode? Run(CompiledScript script, IReadOnlyDictionary<string, JsonNode?> variables)
        {
            var names = script.Names.Where(variables.ContainsKey).ToList();
            var key = names.Count == script.Names.Count ? script.Script : $"{string.Join(",", names)}\0{script.Script}";
            if (!_functions.TryGetValue(key, out var function))
            {
                if (_functions.Count >= MaxFunctions) _functions.Clear();
                function = _engine.Evaluate($"(function ({string.Join(", ", names)}) {{ return ({script.Script}\n); }})");
                _functions[key] = function;
            }
            var arguments = new JsValue[names.Count];
            for (var i = 0; i < names.Count; i++) arguments[i] = JsConversion.ToJs(_engine, variables[names[i]]);
            _engine.Constraints.Reset();
            _engine.Advanced.ResetCallStack();
            return JsConversion.FromJs(_engine.Call(function, JsValue.Undefined, arguments));
        }

        /// <summary>
        /// Freezes every object reachable from the global object (values and prototypes), so one evaluation cannot
        /// change what the next one sees. Walked from C#, so the realm's size does not count against the limits.
        /// </summary>
        private static void FreezeRealm(Engine engine)
        {
            var freeze = engine.Evaluate("Object.freeze");
            var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<ObjectInstance>([engine.Global]);
            while (pending.TryPop(out var o))
            {
                if (!seen.Add(o)) continue;
                engine.Call(freeze, JsValue.Undefined, [o]);
                foreach (var (_, property) in o.GetOwnProperties())
                {
                    if (property.IsDataDescriptor() && property.Value is ObjectInstance value) pending.Push(value);
                }
                if (o.Prototype is { } prototype) pending.Push(prototype);
            }
        }
    }
}
