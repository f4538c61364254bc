using System.Xml.Linq;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Parsing;

internal sealed partial class ProcessReader
{
    private FlowNode ReadNode(XElement element)
    {
        var id = (string?)element.Attribute("id") ?? "";
        var name = (string?)element.Attribute("name");
        var local = element.Name.LocalName;
        var node = local switch
        {
            "startEvent" => ReadTimer(element, id, name) is { } startTimer
                ? new TimerStartNode(id, name, startTimer)
                : ReadMessage(element, id, name) is { } startMessage
                    ? new MessageStartNode(id, name, startMessage)
                    : ReadEvent(element, id, name, FlowNodeKind.NoneStartEvent),
            // A receive task without a message waits for a message named after its id.
            "receiveTask" => new MessageCatchNode(id, name, FlowNodeKind.ReceiveTask,
                element.Attribute("messageRef") is null ? id : ReadMessageRef(element, id, name, element)),
            "endEvent" => ReadEvent(element, id, name, FlowNodeKind.NoneEndEvent),
            "intermediateThrowEvent" => ReadEvent(element, id, name, FlowNodeKind.NoneIntermediateThrowEvent),
            "intermediateCatchEvent" => ReadCatchEvent(element, id, name),
            "boundaryEvent" => ReadBoundaryEvent(element, id, name),
            "task" => new SimpleNode(id, name, FlowNodeKind.Task),
            "manualTask" => new SimpleNode(id, name, FlowNodeKind.ManualTask),
            "userTask" => new UserTaskNode(id, name, ReadUserTask(element, id)),
            "serviceTask" or "sendTask" or "businessRuleTask" => ReadServiceTask(element, id, name),
            "scriptTask" => ReadScriptTask(element, id, name),
            "subProcess" => ReadSubProcess(element, id, name),
            "callActivity" => ReadCallActivity(element, id, name),
            "exclusiveGateway" => new SimpleNode(id, name, FlowNodeKind.ExclusiveGateway),
            "parallelGateway" => new SimpleNode(id, name, FlowNodeKind.ParallelGateway),
            "inclusiveGateway" => new SimpleNode(id, name, FlowNodeKind.InclusiveGateway),
            "eventBasedGateway" => new SimpleNode(id, name, FlowNodeKind.EventBasedGateway),
            _ => Unsupported(element, id, name, $"暂不支持{BpmnNames.Describe(local)} <{local}>"),
        };
        var loop = element.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("LoopCharacteristics", StringComparison.Ordinal));
        MultiInstanceSettings? multiInstance = null;
        if (loop is not null && node is not UnsupportedNode)
        {
            if (loop.Name.LocalName == "multiInstanceLoopCharacteristics" && node.Kind is FlowNodeKind.UserTask or FlowNodeKind.ServiceTask or FlowNodeKind.ExpressionTask or FlowNodeKind.ScriptTask
                    or FlowNodeKind.SubProcess or FlowNodeKind.Task or FlowNodeKind.ManualTask or FlowNodeKind.CallActivity
                    or FlowNodeKind.ReceiveTask)
            {
                multiInstance = ReadMultiInstance(loop, id, name);
            }
            else
            {
                node = Unsupported(element, id, name, $"暂不支持{BpmnNames.Describe(loop.Name.LocalName)}的“{name ?? id}”");
            }
        }
        return node with { DefaultFlowId = (string?)element.Attribute("default"), MultiInstance = multiInstance };
    }

    private MultiInstanceSettings ReadMultiInstance(XElement loop, string id, string? name)
    {
        var cardinality = ReadExpression(loop, id, loop.Element(BpmnNames.Model + "loopCardinality")?.Value.Trim());
        // camunda:collection / camunda:elementVariable, or the standard loopDataInputRef / inputDataItem
        var collectionText = (Camunda(loop, "collection") ?? loop.Element(BpmnNames.Model + "loopDataInputRef")?.Value)?.Trim();
        var elementVariable = (Camunda(loop, "elementVariable") ?? (string?)loop.Element(BpmnNames.Model + "inputDataItem")?.Attribute("name"))?.Trim();
        var collection = string.IsNullOrEmpty(collectionText)
            ? null
            : ReadExpression(loop, id, collectionText.Contains("${", StringComparison.Ordinal) || collectionText.Contains("#{", StringComparison.Ordinal)
                ? collectionText
                : $"${{{collectionText}}}"); // a bare variable name
        if (cardinality is null && collection is null)
        {
            Executable(loop, "bad-multi-instance", $"多实例 “{name ?? id}” 须有 loopCardinality 或 camunda:collection", id);
        }
        return new MultiInstanceSettings(
            Sequential: (string?)loop.Attribute("isSequential") == "true",
            Cardinality: cardinality,
            Collection: collection,
            ElementVariable: elementVariable is { Length: > 0 } ? elementVariable : null,
            CompletionCondition: ReadExpression(loop, id, loop.Element(BpmnNames.Model + "completionCondition")?.Value.Trim(), requireScript: true));
    }

    private UserTaskSettings ReadUserTask(XElement element, string id) => new(
        Assignee: ReadExpression(element, id, Camunda(element, "assignee")),
        CandidateUsers: ReadExpression(element, id, Camunda(element, "candidateUsers")),
        CandidateGroups: ReadExpression(element, id, Camunda(element, "candidateGroups")),
        FormKey: Camunda(element, "formKey"),
        DueDate: ReadExpression(element, id, Camunda(element, "dueDate")),
        Priority: ReadExpression(element, id, Camunda(element, "priority")));

    /// <summary>
    /// A service, send or business-rule task runs the handler registered under a name: its <c>topic</c>, its Java
    /// <c>class</c>, or the bean its <c>delegateExpression</c> names (Camunda's, Flowable's or Activiti's attributes).
    /// One given as an <c>expression</c> evaluates it in the sandbox and keeps the value in <c>resultVariable</c>.
    /// </summary>
    private FlowNode ReadServiceTask(XElement element, string id, string? name)
    {
        if (Vendor(element, "expression") is { } text)
        {
            return ReadExpression(element, id, text) is { } expression
                ? new ExpressionTaskNode(id, name, FlowNodeKind.ExpressionTask, expression, Vendor(element, "resultVariable"))
                : new UnsupportedNode(id, name, element.Name.LocalName);
        }
        var delegateName = Vendor(element, "delegateExpression") is { } delegateText ? BeanName(delegateText) : null;
        var topic = Vendor(element, "topic") ?? Vendor(element, "class") ?? delegateName;
        if (!string.IsNullOrWhiteSpace(topic))
        {
            return new ServiceTaskNode(id, name, topic.Trim()) { Inputs = ReadInputs(element, id) };
        }
        var kind = BpmnNames.Describe(element.Name.LocalName);
        var other = Vendor(element, "type") is { } type ? $"不支持 type=\"{type}\"；"
            : Vendor(element, "decisionRef") is not null ? "不支持 DMN 决策（decisionRef）；"
            : Vendor(element, "delegateExpression") is { } bad ? $"delegateExpression “{bad}” 须只写一个名称，如 ${{archiveService}}；"
            : "";
        return Unsupported(element, id, name,
            $"{other}{kind}须填写 camunda:topic（已注册的处理程序的主题），或 camunda:class、camunda:delegateExpression（按名称对应处理程序），或 camunda:expression 表达式");
    }

    /// <summary>
    /// A script task runs one JavaScript expression in the expression sandbox (same limits, no statements, no access to
    /// the engine), its value kept in <c>camunda:resultVariable</c>. Other languages and external resources are refused.
    /// </summary>
    private FlowNode ReadScriptTask(XElement element, string id, string? name)
    {
        var format = ((string?)element.Attribute("scriptFormat"))?.Trim().ToLowerInvariant();
        if (format is not ("javascript" or "js" or "ecmascript"))
        {
            return Unsupported(element, id, name, $"脚本任务只支持 JavaScript（scriptFormat=\"javascript\"），不支持 “{format}”");
        }
        var script = element.Element(BpmnNames.Model + "script")?.Value.Trim().TrimEnd(';').Trim();
        if (string.IsNullOrEmpty(script))
        {
            return Unsupported(element, id, name, "脚本任务须在 <script> 中写一个 JavaScript 表达式（不支持 camunda:resource）");
        }
        try
        {
            ScriptCompiler.Check(script);
        }
        catch (ExpressionException ex)
        {
            return Unsupported(element, id, name, $"脚本任务只能是一个 JavaScript 表达式，在沙箱中求值，值存入 camunda:resultVariable：{ex.Message}");
        }
        return new ExpressionTaskNode(id, name, FlowNodeKind.ScriptTask, new Expression(script, [new ExpressionPart(script, true)]),
            Vendor(element, "resultVariable"));
    }

    /// <summary>The bean name of <c>${archiveService}</c> or <c>#{archiveService}</c>; null when it is more than a name.</summary>
    private static string? BeanName(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 4 || trimmed[0] is not ('$' or '#') || trimmed[1] != '{' || trimmed[^1] != '}') return null;
        var bean = trimmed[2..^1].Trim();
        return bean.Length > 0 && bean.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? bean : null;
    }

    /// <summary>The text-valued <c>camunda:inputParameter</c>s (lists, maps and scripts are not supported and say so).</summary>
    private List<InputParameter> ReadInputs(XElement element, string id)
    {
        var inputs = new List<InputParameter>();
        var parameters = element.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Camunda + "inputOutput")
            ?.Elements(BpmnNames.Camunda + "inputParameter") ?? [];
        foreach (var parameter in parameters)
        {
            var name = ((string?)parameter.Attribute("name"))?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                Executable(parameter, "bad-input", $"“{id}” 有一个输入参数没有名称", id);
                continue;
            }
            if (parameter.HasElements)
            {
                Executable(parameter, "bad-input", $"“{id}” 的输入参数 “{name}” 只能是文本或 ${{...}} 表达式", id);
                continue;
            }
            var value = ReadExpression(parameter, id, parameter.Value) ?? ExpressionText.Parse("");
            inputs.Add(new InputParameter(name, value));
        }
        return inputs;
    }

    private FlowNode ReadCallActivity(XElement element, string id, string? name)
    {
        var called = ReadExpression(element, id, (string?)element.Attribute("calledElement"));
        if (called is null)
        {
            return Unsupported(element, id, name, "调用活动须填写 calledElement（被调用流程的 id）");
        }
        var binding = Camunda(element, "calledElementBinding") ?? "latest";
        int? version = null;
        if (binding == "version")
        {
            version = int.TryParse(Camunda(element, "calledElementVersion"), out var v) && v > 0 ? v : null;
            if (version is null) Executable(element, "bad-call-activity", $"调用活动 “{name ?? id}” 绑定固定版本，须填写正整数 camunda:calledElementVersion", id);
        }
        else if (binding is not ("latest" or "deployment"))
        {
            Executable(element, "bad-call-activity", $"调用活动 “{name ?? id}” 的 calledElementBinding “{binding}” 不受支持（可用 latest、deployment、version）", id);
        }
        var extensions = element.Element(BpmnNames.Model + "extensionElements");
        List<VariableMapping> Mappings(string kind) => extensions?.Elements(BpmnNames.Camunda + kind)
            .Where(m => m.Attribute("businessKey") is null)
            .Select(m => new VariableMapping(
                (string?)m.Attribute("source"),
                ReadExpression(m, id, (string?)m.Attribute("sourceExpression")),
                (string?)m.Attribute("target"),
                (string?)m.Attribute("variables") == "all"))
            .ToList() ?? [];
        var passBusinessKey = extensions?.Elements(BpmnNames.Camunda + "in").Any(m => m.Attribute("businessKey") is not null) == true;
        return new CallActivityNode(id, name, called, version, Mappings("in"), Mappings("out"), passBusinessKey);
    }

    private FlowNode ReadSubProcess(XElement element, string id, string? name)
    {
        var scope = ReadScope(element, id);
        if ((string?)element.Attribute("triggeredByEvent") == "true") return ReadEventSubProcess(element, id, name, scope);
        foreach (var start in scope.Nodes.Where(n => IsStartEvent(n) && n.Kind != FlowNodeKind.NoneStartEvent))
        {
            Executable(element, "unsupported-element", $"子流程 “{name ?? id}” 中只能有空开始事件，不能有 “{start.DisplayName}”", start.Id);
        }
        if (scope.NoneStart is null)
        {
            Executable(element, "no-start-event", $"子流程 “{name ?? id}” 没有空开始事件", id);
        }
        return new SubProcessNode(id, name, scope);
    }

    private FlowNode ReadEventSubProcess(XElement element, string id, string? name, FlowScope scope)
    {
        var starts = scope.Nodes.Where(IsStartEvent).ToList();
        if (starts is not [var start] || start.Kind == FlowNodeKind.NoneStartEvent)
        {
            return Unsupported(element, id, name, "事件子流程须有且仅有一个定时、消息、信号、错误或升级开始事件");
        }
        var startElement = element.Elements(BpmnNames.Model + "startEvent").First(e => (string?)e.Attribute("id") == start.Id);
        var interrupting = (string?)startElement.Attribute("isInterrupting") != "false";
        if (!interrupting && start.Kind == FlowNodeKind.ErrorStartEvent)
        {
            Executable(startElement, "bad-event-subprocess", $"事件子流程 “{name ?? id}” 的错误开始事件总是中断的（isInterrupting 不能为 false）", start.Id);
        }
        return new EventSubProcessNode(id, name, scope, start, interrupting);
    }

    private static bool IsStartEvent(FlowNode node) => node.Kind is FlowNodeKind.NoneStartEvent or FlowNodeKind.TimerStartEvent
        or FlowNodeKind.MessageStartEvent or FlowNodeKind.SignalStartEvent or FlowNodeKind.ErrorStartEvent or FlowNodeKind.EscalationStartEvent;

    private UnsupportedNode Unsupported(XElement element, string id, string? name, string message)
    {
        Executable(element, "unsupported-element", $"“{name ?? id}”：{message}", id);
        return new UnsupportedNode(id, name, element.Name.LocalName);
    }

    private static string? Camunda(XElement element, string attribute) => (string?)element.Attribute(BpmnNames.Camunda + attribute);

    /// <summary>An extension attribute as Camunda, Flowable or Activiti writes it.</summary>
    private static string? Vendor(XElement element, string attribute) =>
        BpmnNames.Vendors.Select(ns => (string?)element.Attribute(ns + attribute)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
