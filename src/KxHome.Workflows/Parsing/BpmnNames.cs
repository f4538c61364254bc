using System.Xml.Linq;

namespace KxHome.Workflows.Parsing;

/// <summary>Namespaces and element names the parser looks for.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /// <summary>What the namespaces of BPMN itself start with (model, DI, DC).</summary>
    public const string OmgSpec = "http://www.omg.org/spec/";

    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>The extension namespaces whose service-task attributes are read alike: Camunda, Flowable, Activiti.</summary>
    public static readonly XNamespace[] Vendors = [Camunda, "http://flowable.org/bpmn", "http://activiti.org/bpmn"];

    /// <summary>KxHome's own extension attributes, e.g. <c>kx:calendar="workdays"</c> on a timer definition.</summary>
    public static readonly XNamespace Kx = "urn:kxhome:bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Every BPMN flow node that may stand in a process or sub-process.</summary>
    public static readonly HashSet<string> FlowNodes =
    [
        "startEvent", "endEvent", "intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent", "implicitThrowEvent",
        "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "businessRuleTask", "manualTask",
        "callActivity", "subProcess", "transaction", "adHocSubProcess",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
        "callChoreography", "choreographyTask", "subChoreography",
    ];

    /// <summary>Children of a process that carry no behaviour: data, artefacts, lanes, documentation.</summary>
    public static readonly HashSet<string> Inert =
    [
        "documentation", "extensionElements", "laneSet", "ioSpecification", "property", "dataObject",
        "dataObjectReference", "dataStoreReference", "textAnnotation", "association", "group", "auditing",
        "monitoring", "supports", "resourceRole", "performer", "humanPerformer", "potentialOwner",
        "correspondence", "artifact", "dataInputAssociation", "dataOutputAssociation", "category",
    ];

    /// <summary>Event definitions, by element name.</summary>
    public static readonly HashSet<string> EventDefinitions =
    [
        "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "errorEventDefinition",
        "escalationEventDefinition", "compensateEventDefinition", "conditionalEventDefinition",
        "linkEventDefinition", "terminateEventDefinition", "cancelEventDefinition",
    ];

    /// <summary>Chinese names of element kinds, for messages.</summary>
    public static string Describe(string localName) => localName switch
    {
        "startEvent" => "开始事件",
        "endEvent" => "结束事件",
        "intermediateThrowEvent" => "中间抛出事件",
        "intermediateCatchEvent" => "中间捕获事件",
        "boundaryEvent" => "边界事件",
        "task" => "任务",
        "userTask" => "用户任务",
        "serviceTask" => "服务任务",
        "sendTask" => "发送任务",
        "receiveTask" => "接收任务",
        "scriptTask" => "脚本任务",
        "businessRuleTask" => "业务规则任务",
        "manualTask" => "手工任务",
        "callActivity" => "调用活动",
        "subProcess" => "子流程",
        "transaction" => "事务子流程",
        "adHocSubProcess" => "自由子流程",
        "exclusiveGateway" => "排他网关",
        "parallelGateway" => "并行网关",
        "inclusiveGateway" => "包容网关",
        "eventBasedGateway" => "事件网关",
        "complexGateway" => "复杂网关",
        "timerEventDefinition" => "定时器",
        "messageEventDefinition" => "消息",
        "signalEventDefinition" => "信号",
        "errorEventDefinition" => "错误",
        "escalationEventDefinition" => "升级",
        "compensateEventDefinition" => "补偿",
        "conditionalEventDefinition" => "条件",
        "linkEventDefinition" => "链接",
        "cancelEventDefinition" => "取消",
        "multiInstanceLoopCharacteristics" => "多实例",
        "standardLoopCharacteristics" => "循环",
        _ => localName,
    };
}
