using System.Xml.Linq;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Parsing;

/// <summary>Reads one &lt;process&gt; element. Structural problems are always reported; problems of execution only when the process is executable.</summary>
internal sealed partial class ProcessReader(XElement process, List<BpmnProblem> problems)
{
    private readonly bool _executable = (string?)process.Attribute("isExecutable") == "true";

    public ProcessModel Read()
    {
        var id = (string?)process.Attribute("id") ?? "";
        if (id.Length == 0) Structural(process, "missing-id", "流程缺少 id");
        var root = ReadScope(process, id);
        if (_executable && !process.Elements(BpmnNames.Model + "startEvent").Any())
        {
            Structural(process, "no-start-event", $"可执行流程 “{id}” 没有开始事件");
        }
        foreach (var start in root.Nodes.Where(n => n.Kind is FlowNodeKind.ErrorStartEvent or FlowNodeKind.EscalationStartEvent))
        {
            Executable(process, "unsupported-element", $"错误或升级开始事件 “{start.DisplayName}” 只能用在事件子流程中", start.Id);
        }
        var starters = ((string?)process.Attribute(BpmnNames.Camunda + "candidateStarterGroups") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var startable = !string.Equals((string?)process.Attribute(BpmnNames.Camunda + "isStartableInTasklist"), "false", StringComparison.OrdinalIgnoreCase);
        var prefix = ((string?)process.Attribute(BpmnNames.Kx + "caseNumberPrefix"))?.Trim();
        return new ProcessModel(id, (string?)process.Attribute("name"), _executable, root)
        {
            CandidateStarterGroups = starters, IsStartableInTasklist = startable,
            CaseNumberPrefix = string.IsNullOrEmpty(prefix) ? "案件" : prefix,
            InitiatorVariable = process.Elements(BpmnNames.Model + "startEvent")
                .Select(e => ((string?)e.Attribute(BpmnNames.Camunda + "initiator"))?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v)),
        };
    }

    private FlowScope ReadScope(XElement container, string scopeId)
    {
        var nodes = new List<FlowNode>();
        var flows = new List<SequenceFlow>();
        var flowElements = new Dictionary<string, XElement>();
        var ids = new HashSet<string>();
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != BpmnNames.Model) continue; // vendor extensions are not ours to judge
            var local = child.Name.LocalName;
            var isFlow = local == "sequenceFlow";
            if (!isFlow && !BpmnNames.FlowNodes.Contains(local))
            {
                if (!BpmnNames.Inert.Contains(local) && !BpmnNames.EventDefinitions.Contains(local)
                    && local is not ("incoming" or "outgoing" or "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics"))
                {
                    Executable(child, "unsupported-element", $"不支持的元素 <{local}>");
                }
                continue;
            }
            var id = (string?)child.Attribute("id") ?? "";
            if (id.Length == 0 && isFlow)
            {
                // BPMN makes ids optional, and Camunda accepts a sequence flow without one: name it by its ends.
                id = $"{(string?)child.Attribute("sourceRef")}→{(string?)child.Attribute("targetRef")}";
            }
            if (id.Length == 0)
            {
                Structural(child, "missing-id", $"<{local}> 缺少 id");
                continue;
            }
            if (!ids.Add(id)) continue; // reported as a duplicate already
            if (isFlow)
            {
                flows.Add(ReadFlow(child, id));
                flowElements[id] = child;
            }
            else
            {
                nodes.Add(ReadNode(child));
            }
        }
        return Wire(scopeId, nodes, flows, flowElements);
    }

    private FlowScope Wire(string scopeId, List<FlowNode> nodes, List<SequenceFlow> flows, Dictionary<string, XElement> flowElements)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var valid = new List<SequenceFlow>();
        foreach (var flow in flows)
        {
            var element = flowElements[flow.Id];
            var ok = true;
            if (!ids.Contains(flow.SourceId))
            {
                Structural(element, "flow-source-missing", $"连线 “{flow.Id}” 的起点 “{flow.SourceId}” 不存在于同一流程层级中", flow.Id);
                ok = false;
            }
            if (!ids.Contains(flow.TargetId))
            {
                Structural(element, "flow-target-missing", $"连线 “{flow.Id}” 的终点 “{flow.TargetId}” 不存在于同一流程层级中", flow.Id);
                ok = false;
            }
            if (ok) valid.Add(flow);
        }
        var wired = nodes.Select(n => n with
        {
            Outgoing = valid.Where(f => f.SourceId == n.Id).Select(f => f.Id).ToList(),
            Incoming = valid.Where(f => f.TargetId == n.Id).Select(f => f.Id).ToList(),
        }).ToList();
        foreach (var node in wired.Where(n => n.DefaultFlowId is not null && !n.Outgoing.Contains(n.DefaultFlowId)))
        {
            Structural(process, "default-flow-missing",
                $"“{node.DisplayName}” 的默认连线 “{node.DefaultFlowId}” 不是它的出口连线", node.Id);
        }
        foreach (var gateway in wired.Where(n => n.Kind == FlowNodeKind.EventBasedGateway))
        {
            var targets = valid.Where(f => f.SourceId == gateway.Id).Select(f => wired.First(n => n.Id == f.TargetId)).ToList();
            if (targets.Count < 2 || targets.Any(t => t.Kind is not (FlowNodeKind.TimerCatchEvent or FlowNodeKind.MessageCatchEvent
                    or FlowNodeKind.SignalCatchEvent or FlowNodeKind.ReceiveTask)))
            {
                Executable(process, "bad-event-gateway",
                    $"事件网关 “{gateway.DisplayName}” 须有至少两条出口，且每条都连到定时、消息或信号中间捕获事件（或接收任务）", gateway.Id);
            }
        }
        foreach (var boundary in wired.OfType<BoundaryNode>())
        {
            var target = wired.FirstOrDefault(n => n.Id == boundary.AttachedToId);
            if (target is null || target.Kind is not (FlowNodeKind.UserTask or FlowNodeKind.ServiceTask or FlowNodeKind.ExpressionTask or FlowNodeKind.ScriptTask
                    or FlowNodeKind.SubProcess
                    or FlowNodeKind.Task or FlowNodeKind.ManualTask or FlowNodeKind.ReceiveTask or FlowNodeKind.CallActivity
                    or FlowNodeKind.Unsupported))
            {
                Structural(process, "boundary-target-missing",
                    $"边界事件 “{boundary.DisplayName}” 所附着的 “{boundary.AttachedToId}” 不是同一流程层级中的任务或子流程", boundary.Id);
            }
            if (boundary.Incoming.Count > 0)
            {
                Structural(process, "boundary-has-incoming", $"边界事件 “{boundary.DisplayName}” 不能有进入的连线", boundary.Id);
            }
        }
        return new FlowScope(scopeId, wired, valid);
    }

    private SequenceFlow ReadFlow(XElement element, string id)
    {
        var condition = element.Element(BpmnNames.Model + "conditionExpression");
        Expression? expression = null;
        if (condition is not null && !string.IsNullOrWhiteSpace(condition.Value))
        {
            var language = (string?)condition.Attribute("language");
            if (language is not null && !language.Equals("juel", StringComparison.OrdinalIgnoreCase))
            {
                Executable(condition, "unsupported-expression-language",
                    $"连线 “{id}” 的条件使用脚本语言 “{language}”，请改用 ${{...}} 表达式", id);
            }
            else
            {
                expression = ReadExpression(condition, id, condition.Value.Trim(), requireScript: true);
            }
        }
        return new SequenceFlow(id, (string?)element.Attribute("name"),
            (string?)element.Attribute("sourceRef") ?? "", (string?)element.Attribute("targetRef") ?? "", expression);
    }

    private Expression? ReadExpression(XElement element, string elementId, string? text, bool requireScript = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var expression = ExpressionText.Parse(text);
            if (requireScript && expression.IsLiteral)
            {
                Executable(element, "bad-expression", $"“{elementId}” 的条件 “{text}” 不是 ${{...}} 表达式", elementId);
                return null;
            }
            return expression;
        }
        catch (ExpressionException ex)
        {
            Executable(element, "bad-expression", ex.Message, elementId);
            return null;
        }
    }

    private void Structural(XElement element, string code, string message, string? elementId = null) =>
        problems.Add(new BpmnProblem(code, message, elementId ?? (string?)element.Attribute("id"),
            BpmnParser.Line(element), BpmnParser.Column(element)));

    private void Executable(XElement element, string code, string message, string? elementId = null)
    {
        if (_executable) Structural(element, code, message, elementId);
    }
}
