using System.Text.Json.Nodes;
using Jint.Native;
using Jint;
using KxHome.Workflows.Core;

namespace KxHome.Workflows.Expressions;

/// <summary>Converts variable values to JavaScript and back; date-time strings travel as JavaScript dates.</summary>
internal static class JsConversion
{
    private const int MaxDepth = 32;
    private const int MaxResultLength = 1_000_000;

    public static JsValue ToJs(Engine engine, JsonNode? node, int depth = 0)
    {
        if (depth > MaxDepth) throw new ExpressionException("变量嵌套层数过深");
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < array.Count; i++) items[i] = ToJs(engine, array[i], depth + 1);
                return new JsArray(engine, items);
            case JsonObject obj:
                var o = new JsObject(engine);
                foreach (var (key, value) in obj) o.Set(key, ToJs(engine, value, depth + 1));
                return o;
            default:
                var v = node.AsValue();
                if (v.TryGetValue<bool>(out var b)) return b ? JsBoolean.True : JsBoolean.False;
                if (v.TryGetValue<string>(out var s))
                {
                    return VariableValues.TryReadDateTime(s, out var at)
                        ? engine.Construct("Date", (at - DateTimeOffset.UnixEpoch).TotalMilliseconds)
                        : new JsString(s);
                }
                return VariableValues.TryGetNumber(v, out var number)
                    ? new JsNumber(number)
                    : throw new ExpressionException($"无法识别的变量值 {v.ToJsonString()}");
        }
    }

    public static JsonNode? FromJs(JsValue value, int depth = 0)
    {
        if (depth > MaxDepth) throw new ExpressionException("表达式结果嵌套层数过深");
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsString()) return JsonValue.Create(Bounded(value.AsString()));
        if (value.IsNumber()) return VariableValues.FromNumber(value.AsNumber());
        if (value.IsDate())
        {
            var at = DateTimeOffset.UnixEpoch.AddMilliseconds(value.AsDate().DateValue);
            return JsonValue.Create(VariableValues.FormatDateTime(at));
        }
        if (value.IsArray())
        {
            var array = value.AsArray();
            var result = new JsonArray();
            for (uint i = 0; i < array.Length; i++) result.Add(FromJs(array[i], depth + 1));
            return result;
        }
        if (value.IsObject() && value.AsObject() is not Jint.Native.Function.Function)
        {
            var obj = value.AsObject();
            var result = new JsonObject();
            foreach (var (key, descriptor) in obj.GetOwnProperties())
            {
                if (descriptor.Enumerable) result[key.ToString()] = FromJs(obj.Get(key), depth + 1);
            }
            return result;
        }
        throw new ExpressionException("表达式结果不是数据（不能返回函数）");
    }

    // A native string method (String.prototype.repeat) can build a string the engine's memory limit does not see.
    private static string Bounded(string text) =>
        text.Length <= MaxResultLength ? text : throw new ExpressionException($"表达式结果过长（{text.Length} 个字符，上限 {MaxResultLength}）");
}
