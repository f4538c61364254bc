using System.Collections.Concurrent;
using Acornima;
using Acornima.Ast;

namespace KxHome.Workflows.Expressions;

/// <summary>The JavaScript of a <c>${...}</c> body and the names in it that may be variables (each name once).</summary>
internal sealed record CompiledScript(string Script, IReadOnlyList<string> Names);

/// <summary>
/// Turns the body of a <c>${...}</c> into JavaScript: JUEL word operators (and, or, not, eq, ne, lt, gt, le, ge)
/// become their JavaScript symbols, then Acornima parses it and every node of the tree must be of a kind a pure
/// expression uses (<see cref="Allowed"/>); anything else is refused with the node's name and position.
/// </summary>
internal static class ScriptCompiler
{
    // Each replacement is as long as its word, so a position in the JavaScript is the same position in the body.
    private static readonly Dictionary<string, string> WordOperators = new()
    {
        ["and"] = "&&", ["or"] = "||", ["not"] = "!", ["eq"] = "==", ["ne"] = "!=",
        ["lt"] = "<", ["gt"] = ">", ["le"] = "<=", ["ge"] = ">=",
    };

    /// <summary>What an expression may be made of: values, operators, calls, and arrow functions with an expression body.</summary>
    private static readonly HashSet<NodeType> Allowed =
    [
        NodeType.Literal, NodeType.Identifier, NodeType.TemplateLiteral, NodeType.TemplateElement,
        NodeType.ArrayExpression, NodeType.ObjectExpression, NodeType.Property, NodeType.SpreadElement,
        NodeType.MemberExpression, NodeType.ChainExpression, NodeType.CallExpression, NodeType.NewExpression,
        NodeType.UnaryExpression, NodeType.BinaryExpression, NodeType.LogicalExpression, NodeType.ConditionalExpression,
        NodeType.ParenthesizedExpression, NodeType.ArrowFunctionExpression,
    ];

    /// <summary>Chinese names for the kinds people most often write by mistake.</summary>
    private static readonly Dictionary<NodeType, string> Described = new()
    {
        [NodeType.AssignmentExpression] = "赋值", [NodeType.UpdateExpression] = "自增或自减",
        [NodeType.FunctionExpression] = "函数定义", [NodeType.ThisExpression] = "this",
        [NodeType.SequenceExpression] = "逗号表达式", [NodeType.ClassExpression] = "类定义",
        [NodeType.AwaitExpression] = "await", [NodeType.YieldExpression] = "yield",
        [NodeType.TaggedTemplateExpression] = "带标签的模板", [NodeType.ImportExpression] = "import",
        [NodeType.BlockStatement] = "语句块", [NodeType.ObjectPattern] = "解构", [NodeType.ArrayPattern] = "解构",
    };

    // Names through which an expression could reach the code of the realm rather than data; computed access by a
    // string is stopped by the engine itself (string compilation is disabled, the realm is frozen).
    private static readonly HashSet<string> CodeNames =
    [
        "eval", "Function", "constructor", "prototype", "__proto__", "__defineGetter__", "__defineSetter__", "arguments",
    ];

    private static readonly ParserOptions Options = new() { EcmaVersion = EcmaVersion.ES2023 };

    private static readonly ConcurrentDictionary<string, CompiledScript> Compiled = new();

    /// <summary>Throws <see cref="ExpressionException"/> if the body is not a valid, side-effect-free expression.</summary>
    public static void Check(string body) => Compile(body);

    /// <summary>The JavaScript for a <c>${...}</c> body, checked and cached.</summary>
    public static CompiledScript Compile(string body) => Compiled.GetOrAdd(body, Translate);

    private static CompiledScript Translate(string body)
    {
        var script = ReplaceWordOperators(body);
        Node tree;
        try
        {
            tree = new Parser(Options).ParseExpression(script);
        }
        catch (ParseErrorException ex)
        {
            throw new ExpressionException($"表达式 “${{{body}}}” 无法解析：{ex.Error.Description}（第 {ex.Error.Position.Column + 1} 列）", ex);
        }
        var names = new List<string>();
        var propertyNames = new HashSet<Node>(); // `b` in `a.b` and in `{ b: 1 }` name properties, not variables
        foreach (var node in tree.DescendantNodesAndSelf())
        {
            if (Problem(node) is { } problem)
            {
                throw new ExpressionException($"表达式 “${{{body}}}” 不被接受：{problem}（第 {node.Location.Start.Column + 1} 列）");
            }
            switch (node)
            {
                case MemberExpression { Computed: false } member: propertyNames.Add(member.Property); break;
                case Property { Computed: false, Shorthand: false } property: propertyNames.Add(property.Key); break;
                case Identifier identifier when !propertyNames.Contains(identifier) && !names.Contains(identifier.Name): names.Add(identifier.Name); break;
            }
        }
        return new CompiledScript(script, names);
    }

    private static string? Problem(Node node) => node switch
    {
        _ when !Allowed.Contains(node.Type) => $"不允许使用 {node.Type}{(Described.TryGetValue(node.Type, out var what) ? $"（{what}）" : "")}",
        UnaryExpression { Operator: Operator.Delete } => "不允许使用 delete",
        ArrowFunctionExpression { Async: true } => "不允许使用异步箭头函数",
        ArrowFunctionExpression { Body: BlockStatement } => "箭头函数只能返回一个表达式，不能含语句块",
        ArrowFunctionExpression arrow when arrow.Params.Any(p => p is not Identifier) => "箭头函数的参数只能是名称",
        Property { Kind: not PropertyKind.Init } or Property { Method: true } => "对象中不允许定义函数或访问器",
        Identifier { Name: var name } when CodeNames.Contains(name) => $"不允许使用 “{name}”",
        _ => null,
    };

    private static string ReplaceWordOperators(string body)
    {
        var js = body.ToCharArray();
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (c is '\'' or '"' or '`')
            {
                i = EndOfString(body, i);
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] is '_' or '$')) i++;
                var afterDot = start > 0 && body[start - 1] == '.';
                if (!afterDot && WordOperators.TryGetValue(body[start..i], out var op)) op.PadRight(i - start).CopyTo(0, js, start, i - start);
            }
            else
            {
                i++;
            }
        }
        return new string(js);
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
}
