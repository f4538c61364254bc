namespace KxHome.Workflows.Tests.Support;

/// <summary>Small inline BPMN for behaviour tests: <c>Bpmn.Process("p", "...elements...")</c>.</summary>
public static class Bpmn
{
    public static string Process(string id, string body, bool executable = true) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:kx="urn:kxhome:bpmn"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     id="defs_{id}" targetNamespace="http://kxhome.local/test">
          <process id="{id}" isExecutable="{(executable ? "true" : "false")}">
        {body}
          </process>
        </definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><conditionExpression xsi:type="tFormalExpression"><![CDATA[{condition}]]></conditionExpression></sequenceFlow>""";
}
