using System.Text;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Expressions;

/// <summary>Splits attribute text into literal parts and <c>${...}</c> / <c>#{...}</c> script parts.</summary>
public static class ExpressionText
{
    /// <summary>Parses the text; throws <see cref="ExpressionException"/> when a <c>${</c> is never closed or a script does not compile.</summary>
    public static Expression Parse(string source)
    {
        var parts = new List<ExpressionPart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            if ((source[i] == '$' || source[i] == '#') && i + 1 < source.Length && source[i + 1] == '{')
            {
                var end = FindClosingBrace(source, i + 2)
                    ?? throw new ExpressionException($"表达式 “{source}” 缺少右花括号 “}}”");
                if (literal.Length > 0) parts.Add(new ExpressionPart(literal.ToString(), false));
                literal.Clear();
                var body = source[(i + 2)..end].Trim();
                if (body.Length == 0) throw new ExpressionException($"表达式 “{source}” 的 ${{}} 中没有内容");
                ScriptCompiler.Check(body);
                parts.Add(new ExpressionPart(body, true));
                i = end + 1;
                continue;
            }
            literal.Append(source[i]);
            i++;
        }
        if (literal.Length > 0) parts.Add(new ExpressionPart(literal.ToString(), false));
        return new Expression(source, parts);
    }

    private static int? FindClosingBrace(string text, int from)
    {
        var depth = 0;
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\') i++;
                else if (c == quote) quote = null;
                continue;
            }
            switch (c)
            {
                case '\'' or '"': quote = c; break;
                case '{': depth++; break;
                case '}' when depth == 0: return i;
                case '}': depth--; break;
            }
        }
        return null;
    }
}
