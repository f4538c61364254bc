using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Expressions;

/// <summary>Converts variable values to JavaScript and back; date-time strings travel as JavaScript dates.</summary>
internal static class JsConversion
{
    private const int MaxDepth = 32;

    public static JsValue ToJs(Engine engine, JsonNode? node, int depth = 0)
    {
        if (depth > MaxDepth) throw new ExpressionException("变量嵌套层数过深");
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonArray array:
                var list = engine.Array.Construct(Jint.Runtime.Arguments.Empty);
                for (var i = 0; i < array.Count; i++)
                {
                    list.Put(i.ToString(CultureInfo.InvariantCulture), ToJs(engine, array[i], depth + 1), false);
                }
                return list;
            case JsonObject obj:
                var o = engine.Object.Construct(Jint.Runtime.Arguments.Empty);
                foreach (var (key, value) in obj) o.Put(key, ToJs(engine, value, depth + 1), false);
                return o;
            default:
                var v = node.AsValue();
                if (v.TryGetValue<bool>(out var b)) return b ? JsValue.True : JsValue.False;
                if (v.TryGetValue<string>(out var s))
                {
                    return VariableValues.TryReadDateTime(s, out var at)
                        ? engine.Date.Construct((at - DateTimeOffset.UnixEpoch).TotalMilliseconds)
                        : new JsValue(s);
                }
                return VariableValues.TryGetNumber(v, out var number)
                    ? new JsValue(number)
                    : throw new ExpressionException($"无法识别的变量值 {v.ToJsonString()}");
        }
    }

    public static JsonNode? FromJs(JsValue value, int depth = 0)
    {
        if (depth > MaxDepth) throw new ExpressionException("表达式结果嵌套层数过深");
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsString()) return JsonValue.Create(value.AsString());
        if (value.IsNumber()) return VariableValues.FromNumber(value.AsNumber());
        if (value.IsDate())
        {
            var at = DateTimeOffset.UnixEpoch.AddMilliseconds(value.AsDate().PrimitiveValue);
            return JsonValue.Create(VariableValues.FormatDateTime(at));
        }
        if (value.IsArray())
        {
            var array = value.AsArray();
            var length = (int)array.Get("length").AsNumber();
            var result = new JsonArray();
            for (var i = 0; i < length; i++) result.Add(FromJs(array.Get(i.ToString(CultureInfo.InvariantCulture)), depth + 1));
            return result;
        }
        if (value.IsObject() && value.AsObject() is not Jint.Native.Function.FunctionInstance)
        {
            var obj = value.AsObject();
            var result = new JsonObject();
            foreach (var (key, descriptor) in obj.GetOwnProperties())
            {
                if (descriptor.Enumerable == true) result[key] = FromJs(obj.Get(key), depth + 1);
            }
            return result;
        }
        throw new ExpressionException("表达式结果不是数据（不能返回函数）");
    }
}
