using KxHome.Workflows.Model;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Parsing;

public class BpmnParserTests
{
    private readonly BpmnParser _parser = new();

    private static string StartToEnd => """
        <startEvent id="start" /><endEvent id="end" />
        """ + Bpmn.Flow("f1", "start", "end");

    [Fact]
    public void Text_that_is_not_xml_gives_a_located_error()
    {
        var result = _parser.Parse("<definitions><process id='a'>\n</definitions>");

        result.Problems.Should().ContainSingle().Which.Should().Match<BpmnProblem>(p => p.Code == "not-xml" && p.Line == 2);
    }

    [Fact]
    public void A_dtd_with_an_external_entity_is_refused_and_never_resolved()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&secret;" /></definitions>
            """;

        var result = _parser.Parse(xml);

        result.Problems.Should().ContainSingle().Which.Code.Should().Be("dtd-refused");
        result.Processes.Should().BeEmpty();
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_reading()
    {
        var parser = new BpmnParser(new BpmnParserOptions(MaxBytes: 1024));

        var result = parser.Parse(Bpmn.Process("p", StartToEnd + new string(' ', 2000)));

        result.Problems.Should().ContainSingle().Which.Code.Should().Be("file-too-large");
    }

    [Fact]
    public void Sub_processes_nested_thousands_deep_are_refused_with_the_line_instead_of_overflowing_the_stack()
    {
        var nested = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"\n<subProcess id=\"sp{i}\">")) + string.Concat(Enumerable.Repeat("</subProcess>", 20_000));

        var result = _parser.Parse(Bpmn.Process("deep", StartToEnd + nested));

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("too-deep");
        problem.Message.Should().Be("元素嵌套超过 100 层");
        problem.Line.Should().BeGreaterThan(100, "the line of the first element too deep");
    }

    [Fact]
    public void Xml_in_another_namespace_is_not_bpmn()
    {
        var result = _parser.Parse("""<definitions xmlns="http://not-bpmn"><process id="p" /></definitions>""");

        result.Problems.Should().ContainSingle().Which.Code.Should().Be("not-bpmn");
    }

    [Fact]
    public void Duplicate_ids_are_each_reported_with_their_line()
    {
        var result = _parser.Parse(Bpmn.Process("p", StartToEnd + "\n<task id=\"start\" />"));

        var problem = result.Problems.Should().ContainSingle(p => p.Code == "duplicate-id").Subject;
        problem.ElementId.Should().Be("start");
        problem.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Ids_inside_vendor_extensions_may_repeat_as_Camunda_allows()
    {
        const string form = """<extensionElements><camunda:formProperty id="details" name="详情" /></extensionElements>""";
        var result = _parser.Parse(Bpmn.Process("p", $"""
            <startEvent id="start" />
            <userTask id="a">{form}</userTask>
            <userTask id="b">{form}</userTask>
            <endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "a") + Bpmn.Flow("f2", "a", "b") + Bpmn.Flow("f3", "b", "end")));

        result.Problems.Should().BeEmpty();
        new BpmnParser().Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "camunda-bpm-platform", "reviewSalesLead.bpmn20.xml")))
            .Problems.Should().NotContain(p => p.Code == "duplicate-id");
    }

    [Fact]
    public void A_flow_to_a_missing_element_names_the_flow_and_the_missing_target()
    {
        var result = _parser.Parse(Bpmn.Process("p", StartToEnd + Bpmn.Flow("broken", "start", "nowhere")));

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("flow-target-missing");
        problem.ElementId.Should().Be("broken");
        problem.Message.Should().Contain("nowhere");
    }

    [Fact]
    public void A_flow_from_a_missing_element_is_reported()
    {
        var result = _parser.Parse(Bpmn.Process("p", StartToEnd + Bpmn.Flow("broken", "ghost", "end")));

        result.Problems.Should().ContainSingle().Which.Code.Should().Be("flow-source-missing");
    }

    [Fact]
    public void An_executable_process_without_a_start_event_is_reported()
    {
        var result = _parser.Parse(Bpmn.Process("p", """<endEvent id="end" />"""));

        result.Problems.Should().ContainSingle().Which.Code.Should().Be("no-start-event");
    }

    [Fact]
    public void An_unsupported_element_in_an_executable_process_is_named()
    {
        var result = _parser.Parse(Bpmn.Process("p", StartToEnd + """<scriptTask id="calc" name="计算" />"""));

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("unsupported-element");
        problem.ElementId.Should().Be("calc");
        problem.Message.Should().Contain("计算").And.Contain("脚本任务");
    }

    [Fact]
    public void The_same_element_in_a_process_that_is_not_executable_is_kept_without_complaint()
    {
        var result = _parser.Parse(Bpmn.Process("p", StartToEnd + """<scriptTask id="calc" />""", executable: false));

        result.IsValid.Should().BeTrue();
        result.Processes[0].Node("calc").Should().BeOfType<UnsupportedNode>();
    }

    [Fact]
    public void An_unparseable_expression_is_reported_on_its_flow()
    {
        var body = """
            <startEvent id="start" /><exclusiveGateway id="gw" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "gw") + Bpmn.Flow("f2", "gw", "end", "${amount > }");

        var result = _parser.Parse(Bpmn.Process("p", body));

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("bad-expression");
        problem.ElementId.Should().Be("f2");
    }

    [Fact]
    public void An_expression_that_assigns_is_refused()
    {
        var body = """<startEvent id="start" /><userTask id="t" camunda:assignee="${who = 'x'}" />""" + Bpmn.Flow("f", "start", "t");

        var result = _parser.Parse(Bpmn.Process("p", body));

        result.Problems.Should().ContainSingle().Which.Should().Match<BpmnProblem>(p => p.Code == "bad-expression" && p.ElementId == "t");
    }

    [Fact]
    public void Unknown_vendor_extensions_are_ignored()
    {
        var body = """
            <startEvent id="start" xmlns:acme="http://acme/x" acme:colour="red"><extensionElements><acme:thing /></extensionElements></startEvent>
            <endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "end");

        _parser.Parse(Bpmn.Process("p", body)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Camunda_user_task_attributes_are_read()
    {
        var body = """
            <startEvent id="start" />
            <userTask id="review" name="审核" camunda:assignee="${initiator}" camunda:candidateGroups="district,city"
                      camunda:formKey="review-form" camunda:dueDate="P3D" camunda:priority="80" />
            """ + Bpmn.Flow("f1", "start", "review");

        var task = (UserTaskNode)_parser.Parse(Bpmn.Process("p", body)).Processes[0].Node("review");

        task.Settings.Assignee!.IsSingleScript.Should().BeTrue();
        task.Settings.CandidateGroups!.Source.Should().Be("district,city");
        task.Settings.FormKey.Should().Be("review-form");
        task.Settings.DueDate!.Source.Should().Be("P3D");
        task.Outgoing.Should().BeEmpty();
        task.Incoming.Should().Equal("f1");
    }

    [Fact]
    public void A_service_task_with_no_way_to_run_it_is_refused_with_what_to_set()
    {
        var body = """<startEvent id="start" /><serviceTask id="s" />""" + Bpmn.Flow("f", "start", "s");

        var problem = _parser.Parse(Bpmn.Process("p", body)).Problems.Should().ContainSingle().Subject;

        problem.ElementId.Should().Be("s");
        problem.Message.Should().Contain("camunda:topic").And.Contain("camunda:class");
    }

    [Fact]
    public void A_java_class_names_the_handler_that_runs_the_task()
    {
        var body = """<startEvent id="start" /><serviceTask id="s" camunda:class="org.acme.Java" />""" + Bpmn.Flow("f", "start", "s");

        var result = _parser.Parse(Bpmn.Process("p", body));

        result.Problems.Should().BeEmpty();
        result.Processes[0].Root.Node("s").Should().BeOfType<ServiceTaskNode>().Which.Topic.Should().Be("org.acme.Java");
    }

    [Fact]
    public void The_reference_flow_parses_without_problems()
    {
        var result = _parser.Parse(RepositoryPaths.ReferenceFlow);

        result.Problems.Should().BeEmpty();
        result.Processes.Should().ContainSingle().Which.Key.Should().Be("approval");
    }
}
