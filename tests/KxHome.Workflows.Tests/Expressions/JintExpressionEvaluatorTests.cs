using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Runtime;

namespace KxHome.Workflows.Tests.Expressions;

public class JintExpressionEvaluatorTests
{
    private readonly JintExpressionEvaluator _evaluator = new();

    private JsonNode? Eval(string text, object? variables = null) =>
        _evaluator.Evaluate(ExpressionText.Parse(text), VariableValues.FromMap(Support.Vars.Of(variables)));

    [Fact]
    public void A_literal_stays_text()
    {
        Eval("district")!.GetValue<string>().Should().Be("district");
    }

    [Fact]
    public void A_single_expression_keeps_its_type()
    {
        Eval("${amount * 2}", new { amount = 40000 })!.GetValue<long>().Should().Be(80000);
        Eval("${approved}", new { approved = true })!.GetValue<bool>().Should().BeTrue();
        Eval("${['a','b']}")!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public void A_template_mixes_text_and_values()
    {
        Eval("申报单位：${org.name}（${org.kind}）", new { org = new Dictionary<string, object?> { ["name"] = "嘉定园区", ["kind"] = "Park" } })!
            .GetValue<string>().Should().Be("申报单位：嘉定园区（Park）");
    }

    [Theory]
    [InlineData("${score ge 90 and not failed}", true)]
    [InlineData("${score lt 60 or failed}", false)]
    [InlineData("${level eq 'Excellent'}", true)]
    [InlineData("${level ne 'Excellent'}", false)]
    public void Juel_word_operators_work(string text, bool expected)
    {
        Eval(text, new { score = 95, failed = false, level = "Excellent" })!.GetValue<bool>().Should().Be(expected);
    }

    [Fact]
    public void Word_operators_inside_strings_are_left_alone()
    {
        Eval("${'rock and roll'}")!.GetValue<string>().Should().Be("rock and roll");
    }

    [Fact]
    public void Date_time_variables_are_dates_in_expressions_and_come_back_as_utc_text()
    {
        var filed = new DateTimeOffset(2026, 6, 15, 23, 59, 59, TimeSpan.FromHours(8));

        Eval("${filedAt.getTime() > 0}", new { filedAt = filed })!.GetValue<bool>().Should().BeTrue();
        Eval("${filedAt}", new { filedAt = filed })!.GetValue<string>().Should().Be("2026-06-15T15:59:59.000Z");
    }

    [Fact]
    public void Property_names_and_arrow_parameters_are_not_taken_for_variables()
    {
        var variables = new
        {
            name = "变量", i = 99,
            org = new Dictionary<string, object?> { ["name"] = "嘉定园区" },
            items = new[] { new Dictionary<string, object?> { ["name"] = "甲" } },
        };

        Eval("${org.name + ({ name: 1 }).name + items.map(i => i.name)[0] + i}", variables)!.GetValue<string>().Should().Be("嘉定园区1甲99");
        Eval("${name}", variables)!.GetValue<string>().Should().Be("变量");
    }

    [Fact]
    public void An_unknown_variable_is_an_error_that_names_the_expression()
    {
        var act = () => Eval("${missing > 1}");

        act.Should().Throw<ExpressionException>().WithMessage("*missing*");
    }

    // Each limit test sets the other limits far out of reach, so it fails if its own limit is removed: the
    // expression then finishes and returns a number.
    private static readonly ExpressionLimits Unlimited = new(MaxStatements: int.MaxValue, TimeoutMs: 600_000, MaxRecursion: 100_000, MaxMemoryBytes: 100_000_000_000);

    private static JsonNode? EvalWith(ExpressionLimits limits, string text) =>
        new JintExpressionEvaluator(limits).Evaluate(ExpressionText.Parse(text), new Dictionary<string, JsonNode?>());

    [Fact]
    public void The_statement_limit_stops_a_long_computation()
    {
        var act = () => EvalWith(Unlimited with { MaxStatements = 100 }, "${Array.from({ length: 1000 }, (_, i) => i).length}");

        act.Should().Throw<ExpressionException>().WithMessage("*执行语句数超出上限*");
    }

    [Fact]
    public void The_time_limit_stops_a_computation_that_runs_too_long()
    {
        var act = () => EvalWith(Unlimited with { TimeoutMs = 100 },
            "${[...Array(3000).keys()].map(i => [...Array(3000).keys()].reduce((a, b) => a + b, i)).length}");

        act.Should().Throw<ExpressionException>().WithMessage("*执行超时*");
    }

    [Fact]
    public void The_recursion_limit_stops_deep_calls()
    {
        var act = () => EvalWith(Unlimited with { MaxRecursion = 20 }, "${(f => f(f, 0))((f, n) => n < 1000 ? f(f, n + 1) : n)}");

        act.Should().Throw<ExpressionException>().WithMessage("*递归层数超出上限*");
    }

    [Fact]
    public void The_memory_limit_stops_an_expression_that_allocates_too_much()
    {
        var act = () => EvalWith(Unlimited with { MaxMemoryBytes = 4_000_000 }, "${Array(1000000).fill('ab').join('').length}");

        act.Should().Throw<ExpressionException>().WithMessage("*占用内存超出上限*");
    }

    [Fact]
    public void A_result_too_long_to_keep_is_refused()
    {
        var act = () => Eval("${'x'.repeat(2000000)}");

        act.Should().Throw<ExpressionException>().WithMessage("*表达式结果过长*");
    }

    [Fact]
    public void After_a_limit_is_reached_the_next_evaluation_works()
    {
        var limits = Unlimited with { MaxStatements = 100 };
        var act = () => EvalWith(limits, "${Array.from({ length: 1000 }, (_, i) => i).length}");
        act.Should().Throw<ExpressionException>();

        EvalWith(limits, "${[1, 2, 3].map(x => x * 2).at(-1)}")!.GetValue<long>().Should().Be(6);
    }

    [Theory]
    [InlineData("${items.filter(i => i.amount > 100).length}", "1")]
    [InlineData("${org?.parent?.name ?? '无上级'}", "\"无上级\"")]
    [InlineData("${`${org.name}：${items.length} 项`}", "\"嘉定园区：2 项\"")]
    [InlineData("${[...items.map(i => i.amount), 7].findLast(a => a > 50)}", "300")]
    [InlineData("${Object.entries({ a: 1 }).flat().includes('a')}", "true")]
    public void Modern_javascript_reads_the_variables(string text, string expected)
    {
        var result = Eval(text, new
        {
            org = new Dictionary<string, object?> { ["name"] = "嘉定园区" },
            items = new[] { new Dictionary<string, object?> { ["amount"] = 20 }, new Dictionary<string, object?> { ["amount"] = 300 } },
        });

        result!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Should().Be(expected);
    }

    [Theory]
    [InlineData("${System.IO.File}")]
    [InlineData("${importNamespace('System')}")]
    public void There_is_no_way_to_the_clr(string text)
    {
        var act = () => Eval(text);

        act.Should().Throw<ExpressionException>();
    }

    [Theory]
    [InlineData("${x = 1}", "AssignmentExpression（赋值）（第 1 列）")]
    [InlineData("${a and x++}", "UpdateExpression（自增或自减）（第 7 列）")]
    [InlineData("${this}", "ThisExpression（this）（第 1 列）")]
    [InlineData("${(function () { return 1; })()}", "FunctionExpression（函数定义）（第 2 列）")]
    [InlineData("${x => { return 1; }}", "箭头函数只能返回一个表达式，不能含语句块（第 1 列）")]
    [InlineData("${({ get a() { return 1; } }).a}", "对象中不允许定义函数或访问器（第 4 列）")]
    [InlineData("${delete x.y}", "不允许使用 delete（第 1 列）")]
    [InlineData("${a, b}", "SequenceExpression（逗号表达式）（第 1 列）")]
    [InlineData("${tag`x`}", "TaggedTemplateExpression（带标签的模板）（第 1 列）")]
    [InlineData("${eval('1')}", "不允许使用 “eval”（第 1 列）")]
    [InlineData("${''.constructor.constructor('return 1')()}", "不允许使用 “constructor”（第 4 列）")]
    public void Anything_but_a_pure_expression_is_refused_when_parsed_naming_the_node_and_column(string text, string why)
    {
        var act = () => ExpressionText.Parse(text);

        act.Should().Throw<ExpressionException>().Which.Message.Should().EndWith(why);
    }

    [Fact]
    public void Code_cannot_be_built_from_strings_even_by_computed_names()
    {
        var act = () => Eval("${''['constr' + 'uctor']['constr' + 'uctor']('return 1')()}");

        act.Should().Throw<ExpressionException>().WithMessage("*不允许由字符串生成代码*");
    }

    [Fact]
    public void Built_ins_are_frozen_so_one_evaluation_cannot_change_the_next()
    {
        Eval("${Object.freeze(Math) && Math.max(1, 2)}")!.GetValue<long>().Should().Be(2);
        var tamper = () => Eval("${Object.defineProperty(Math, 'max', { value: 0 }) && 1}");
        tamper.Should().Throw<ExpressionException>();
        Eval("${Math.max(1, 2)}")!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public void An_unclosed_expression_is_a_parse_error()
    {
        var act = () => ExpressionText.Parse("${amount > 3");

        act.Should().Throw<ExpressionException>().WithMessage("*右花括号*");
    }

    [Fact]
    public void Evaluations_from_many_threads_at_once_each_get_their_own_answer()
    {
        var results = new long[400];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = Eval("${n * 2}", new { n = i })!.GetValue<long>());

        results.Should().Equal(Enumerable.Range(0, results.Length).Select(i => i * 2L));
    }
}
