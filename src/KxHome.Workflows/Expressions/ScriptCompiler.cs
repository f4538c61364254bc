using System.Collections.Concurrent;
using System.Text;
using Jint.Parser;

namespace KxHome.Workflows.Expressions;

/// <summary>
/// Turns the body of a <c>${...}</c> into JavaScript: JUEL word operators (and, or, not, eq, ne, lt, gt, le, ge)
/// become their JavaScript symbols, and anything that is not a pure expression is refused.
/// </summary>
internal static class ScriptCompiler
{
    private static readonly Dictionary<string, string> WordOperators = new()
    {
        ["and"] = "&&", ["or"] = "||", ["not"] = "!", ["eq"] = "==", ["ne"] = "!=",
        ["lt"] = "<", ["gt"] = ">", ["le"] = "<=", ["ge"] = ">=",
    };

    // Names that would reach outside a pure expression: definitions, the global object, code from strings.
    private static readonly HashSet<string> ForbiddenWords =
    [
        "function", "var", "let", "const", "with", "delete", "this", "eval", "Function",
        "constructor", "prototype", "__proto__", "__defineGetter__", "__defineSetter__", "debugger", "arguments",
    ];

    private static readonly ConcurrentDictionary<string, string> Translated = new();

    /// <summary>Throws <see cref="ExpressionException"/> if the body is not a valid, side-effect-free expression.</summary>
    public static void Check(string body) => ToJavaScript(body);

    /// <summary>The JavaScript for a <c>${...}</c> body, checked and cached.</summary>
    public static string ToJavaScript(string body) => Translated.GetOrAdd(body, Translate);

    private static string Translate(string body)
    {
        var js = new StringBuilder(body.Length + 8);
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (c is '\'' or '"')
            {
                var end = EndOfString(body, i);
                js.Append(body, i, end - i);
                i = end;
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] is '_' or '$')) i++;
                var word = body[start..i];
                var afterDot = start > 0 && body[start - 1] == '.';
                if (ForbiddenWords.Contains(word)) throw Refused(body, $"不允许使用 “{word}”");
                js.Append(!afterDot && WordOperators.TryGetValue(word, out var op) ? $" {op} " : word);
            }
            else
            {
                if (IsAssignment(body, i)) throw Refused(body, "表达式不能赋值");
                js.Append(c);
                i++;
            }
        }
        var script = js.ToString();
        try
        {
            new JavaScriptParser().Parse($"({script}\n)");
        }
        catch (ParserException ex)
        {
            throw new ExpressionException($"表达式 “${{{body}}}” 无法解析：{ex.Description}", ex);
        }
        return script;
    }

    private static bool IsAssignment(string s, int i)
    {
        var c = s[i];
        if ((c == '+' || c == '-') && i + 1 < s.Length && s[i + 1] == c) return true;
        if (c != '=') return false;
        var prev = i > 0 ? s[i - 1] : ' ';
        var next = i + 1 < s.Length ? s[i + 1] : ' ';
        return next != '=' && prev is not ('=' or '!' or '<' or '>');
    }

    private static int EndOfString(string s, int start)
    {
        var quote = s[start];
        for (var i = start + 1; i < s.Length; i++)
        {
            if (s[i] == '\\') i++;
            else if (s[i] == quote) return i + 1;
        }
        return s.Length;
    }

    private static ExpressionException Refused(string body, string why) => new($"表达式 “${{{body}}}” 不被接受：{why}");
}
