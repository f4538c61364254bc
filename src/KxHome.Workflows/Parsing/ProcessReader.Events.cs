using System.Xml.Linq;
using KxHome.Workflows.Core;
using KxHome.Workflows.Expressions;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Parsing;

// Events: none, terminate, timer and message definitions on start, intermediate and boundary events.
internal sealed partial class ProcessReader
{
    private FlowNode ReadEvent(XElement element, string id, string? name, FlowNodeKind noneKind)
    {
        var definitions = element.Elements()
            .Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName) || e.Name.LocalName == "eventDefinitionRef")
            .ToList();
        if (definitions.Count == 0) return new SimpleNode(id, name, noneKind);
        var first = definitions[0].Name.LocalName;
        if (definitions.Count == 1 && noneKind == FlowNodeKind.NoneEndEvent && first == "terminateEventDefinition")
        {
            return new SimpleNode(id, name, FlowNodeKind.TerminateEndEvent);
        }
        if (definitions.Count == 1 && first == "signalEventDefinition")
        {
            var kind = noneKind switch
            {
                FlowNodeKind.NoneStartEvent => FlowNodeKind.SignalStartEvent,
                FlowNodeKind.NoneEndEvent => FlowNodeKind.SignalEndEvent,
                _ => FlowNodeKind.SignalThrowEvent,
            };
            return new SignalNode(id, name, kind, ReadSignalRef(element, id, name, definitions[0]));
        }
        if (definitions.Count == 1 && noneKind == FlowNodeKind.NoneEndEvent && first == "errorEventDefinition")
        {
            return new ThrowCodeNode(id, name, FlowNodeKind.ErrorEndEvent, ReadCode(definitions[0], "error"));
        }
        if (definitions.Count == 1 && noneKind == FlowNodeKind.NoneStartEvent && first is "errorEventDefinition" or "escalationEventDefinition")
        {
            var error = first == "errorEventDefinition";
            var code = error ? "error" : "escalation";
            return new CodeStartNode(id, name, error ? FlowNodeKind.ErrorStartEvent : FlowNodeKind.EscalationStartEvent,
                ReadCode(definitions[0], code), Camunda(definitions[0], $"{code}CodeVariable"));
        }
        if (definitions.Count == 1 && first == "escalationEventDefinition" && noneKind != FlowNodeKind.NoneStartEvent)
        {
            var kind = noneKind == FlowNodeKind.NoneEndEvent ? FlowNodeKind.EscalationEndEvent : FlowNodeKind.EscalationThrowEvent;
            return new ThrowCodeNode(id, name, kind, ReadCode(definitions[0], "escalation"));
        }
        var described = definitions.Count > 1 ? "多重" : BpmnNames.Describe(first);
        return Unsupported(element, id, name, $"暂不支持{described}{BpmnNames.Describe(element.Name.LocalName)}");
    }

    private FlowNode ReadCatchEvent(XElement element, string id, string? name)
    {
        if (ReadTimer(element, id, name) is { } timer) return new TimerCatchNode(id, name, timer);
        if (ReadMessage(element, id, name) is { } message) return new MessageCatchNode(id, name, FlowNodeKind.MessageCatchEvent, message);
        if (ReadSignal(element, id, name) is { } signal) return new SignalNode(id, name, FlowNodeKind.SignalCatchEvent, signal);
        if (ReadCondition(element, id, name) is { } condition) return new ConditionalCatchNode(id, name, condition);
        return Unsupported(element, id, name, $"暂不支持{EventKind(element)}中间捕获事件");
    }

    private FlowNode ReadBoundaryEvent(XElement element, string id, string? name)
    {
        var attachedTo = (string?)element.Attribute("attachedToRef");
        if (string.IsNullOrWhiteSpace(attachedTo))
        {
            Structural(element, "boundary-not-attached", $"边界事件 “{name ?? id}” 没有 attachedToRef", id);
            return new UnsupportedNode(id, name, element.Name.LocalName);
        }
        var interrupting = (string?)element.Attribute("cancelActivity") != "false";
        if (ReadTimer(element, id, name) is { } timer) return new BoundaryTimerNode(id, name, attachedTo, interrupting, timer);
        if (ReadMessage(element, id, name) is { } message) return new BoundaryMessageNode(id, name, attachedTo, interrupting, message);
        if (ReadSignal(element, id, name) is { } signal) return new BoundarySignalNode(id, name, attachedTo, interrupting, signal);
        if (ReadCondition(element, id, name) is { } condition) return new BoundaryConditionalNode(id, name, attachedTo, interrupting, condition);
        var definitions = element.Elements().Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName)).ToList();
        if (definitions is [{ Name.LocalName: "errorEventDefinition" or "escalationEventDefinition" } definition])
        {
            var error = definition.Name.LocalName == "errorEventDefinition";
            var kind = error ? "error" : "escalation";
            return new BoundaryCodeNode(id, name, error ? FlowNodeKind.BoundaryErrorEvent : FlowNodeKind.BoundaryEscalationEvent, attachedTo,
                error || interrupting, ReadCode(definition, kind), Camunda(definition, $"{kind}CodeVariable"),
                error ? Camunda(definition, "errorMessageVariable") : null);
        }
        return Unsupported(element, id, name, $"暂不支持{EventKind(element)}边界事件");
    }

    /// <summary>
    /// The code an error or escalation definition refers to: the <c>errorCode</c> / <c>escalationCode</c> of the
    /// &lt;error&gt; / &lt;escalation&gt; its reference names (else that element's id); null without a reference (catch-all).
    /// </summary>
    private string? ReadCode(XElement definition, string kind)
    {
        var reference = (string?)definition.Attribute($"{kind}Ref");
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var target = process.Parent?.Elements(BpmnNames.Model + kind).FirstOrDefault(e => (string?)e.Attribute("id") == reference);
        var code = (string?)target?.Attribute($"{kind}Code");
        return string.IsNullOrWhiteSpace(code) ? reference.Trim() : code.Trim();
    }

    /// <summary>The message name of an event with exactly one message definition; else null.</summary>
    private string? ReadMessage(XElement element, string id, string? name)
    {
        var definitions = element.Elements().Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName)).ToList();
        return definitions is [{ Name.LocalName: "messageEventDefinition" } definition]
            ? ReadMessageRef(element, id, name, definition)
            : null;
    }

    /// <summary>The condition of an event with exactly one conditional definition; else null (a problem when it has none).</summary>
    private Expression? ReadCondition(XElement element, string id, string? name)
    {
        var definitions = element.Elements().Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName)).ToList();
        if (definitions is not [{ Name.LocalName: "conditionalEventDefinition" } definition]) return null;
        var text = definition.Element(BpmnNames.Model + "condition")?.Value.Trim();
        var condition = ReadExpression(definition, id, text, requireScript: true);
        if (condition is null && string.IsNullOrEmpty(text))
        {
            Executable(element, "bad-condition", $"条件事件 “{name ?? id}” 须在 <condition> 中写一个 ${{...}} 条件", id);
        }
        return condition ?? ExpressionText.Parse("${false}");
    }

    /// <summary>The signal name of an event with exactly one signal definition; else null.</summary>
    private string? ReadSignal(XElement element, string id, string? name)
    {
        var definitions = element.Elements().Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName)).ToList();
        return definitions is [{ Name.LocalName: "signalEventDefinition" } definition] ? ReadSignalRef(element, id, name, definition) : null;
    }

    /// <summary>The name of the &lt;signal&gt; that <c>signalRef</c> names (else its id); a problem when it is missing.</summary>
    private string ReadSignalRef(XElement element, string id, string? name, XElement definition) =>
        ReadNamedRef(element, id, name, definition, "signal", "信号");

    /// <summary>The name of the &lt;message&gt; that <c>messageRef</c> names (else its id); a problem when it is missing.</summary>
    private string ReadMessageRef(XElement element, string id, string? name, XElement holder) =>
        ReadNamedRef(element, id, name, holder, "message", "消息");

    /// <summary>The name (else the id) of the definitions-level &lt;message&gt; or &lt;signal&gt; that <c>{kind}Ref</c> names.</summary>
    private string ReadNamedRef(XElement element, string id, string? name, XElement holder, string kind, string label)
    {
        var reference = (string?)holder.Attribute($"{kind}Ref");
        var target = reference is null
            ? null
            : process.Parent?.Elements(BpmnNames.Model + kind).FirstOrDefault(m => (string?)m.Attribute("id") == reference);
        var targetName = (string?)target?.Attribute("name") ?? (string?)target?.Attribute("id");
        if (string.IsNullOrWhiteSpace(targetName))
        {
            Executable(element, $"bad-{kind}", $"“{name ?? id}” 没有引用已定义的{label}（{kind}Ref 须指向一个 <{kind}>）", id);
            return "";
        }
        return targetName.Trim();
    }

    /// <summary>The timer of an event with exactly one timer definition holding a date or a duration; else null.</summary>
    private TimerDefinition? ReadTimer(XElement element, string id, string? name)
    {
        var definitions = element.Elements().Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName)).ToList();
        if (definitions is not [{ Name.LocalName: "timerEventDefinition" } definition]) return null;
        var parts = definitions[0].Elements().ToList();
        if (parts is not [var part] || part.Name.LocalName is not ("timeDate" or "timeDuration" or "timeCycle"))
        {
            Executable(element, "bad-timer", $"定时器 “{name ?? id}” 须有且仅有一个 timeDate、timeDuration 或 timeCycle", id);
            return new TimerDefinition(TimerKind.Date, ExpressionText.Parse("invalid"));
        }
        var value = ReadExpression(part, id, part.Value.Trim());
        if (value is null)
        {
            Executable(element, "bad-timer", $"定时器 “{name ?? id}” 没有填写时间", id);
            return new TimerDefinition(TimerKind.Date, ExpressionText.Parse("invalid"));
        }
        var kind = part.Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeDuration" => TimerKind.Duration,
            _ => TimerKind.Cycle,
        };
        if (kind == TimerKind.Cycle && value.IsLiteral && !TimerSchedule.TryParse(value.Source, TimeZoneInfo.Utc, out _, out var cycleError))
        {
            Executable(element, "bad-timer", $"定时器 “{name ?? id}”：{cycleError}", id);
        }
        var calendar = (string?)definitions[0].Attribute(BpmnNames.Kx + "calendar");
        if (calendar is not null && (calendar != "workdays" || kind != TimerKind.Duration))
        {
            Executable(element, "bad-timer-calendar",
                $"定时器 “{name ?? id}” 的 kx:calendar 只能是 \"workdays\"，且只用于 timeDuration（按工作日计的天数，如 P3D）", id);
        }
        return new TimerDefinition(kind, value, WorkingDays: calendar == "workdays");
    }

    private static string EventKind(XElement element)
    {
        var definitions = element.Elements().Where(e => BpmnNames.EventDefinitions.Contains(e.Name.LocalName)).ToList();
        return definitions.Count switch
        {
            0 => "空",
            1 => BpmnNames.Describe(definitions[0].Name.LocalName),
            _ => "多重",
        };
    }
}
