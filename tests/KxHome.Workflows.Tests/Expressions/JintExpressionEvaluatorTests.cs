using System.Diagnostics;
using System.Text.Json.Nodes;
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
    public void An_unknown_variable_is_an_error_that_names_the_expression()
    {
        var act = () => Eval("${missing > 1}");

        act.Should().Throw<ExpressionException>().WithMessage("*missing*");
    }

    [Fact]
    public void An_endless_loop_is_stopped_quickly()
    {
        var watch = Stopwatch.StartNew();

        var act = () => Eval("${(function(){ while(true){} })()}", null);

        act.Should().Throw<ExpressionException>(); // refused: function is not allowed at all
        var loop = () => _evaluator.Evaluate(new KxHome.Workflows.Model.Expression("x",
            [new KxHome.Workflows.Model.ExpressionPart("[1,2,3].map(Array).map(Array).length + (function(){ for(;;){} })()", true)]), new Dictionary<string, JsonNode?>());
        loop.Should().Throw<ExpressionException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the statement and time limits stop it");
    }

    [Fact]
    public void Deep_recursion_is_stopped()
    {
        var limited = new JintExpressionEvaluator(new ExpressionLimits(MaxRecursion: 10));
        var recurse = new KxHome.Workflows.Model.Expression("r",
            [new KxHome.Workflows.Model.ExpressionPart("(function f(n){ return n == 0 ? 0 : f(n - 1); })(1000)", true)]);

        var act = () => limited.Evaluate(recurse, new Dictionary<string, JsonNode?>());

        act.Should().Throw<ExpressionException>();
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
    [InlineData("${x = 1}")]
    [InlineData("${x++}")]
    [InlineData("${this}")]
    [InlineData("${eval('1')}")]
    [InlineData("${''.constructor.constructor('return 1')()}")]
    public void Expressions_that_change_things_or_build_code_are_refused_when_parsed(string text)
    {
        var act = () => ExpressionText.Parse(text);

        act.Should().Throw<ExpressionException>();
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
