using KxHome.Host.Cases;
using KxHome.Host.Hosting;
using KxHome.Host.Studio;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages.Studio;

/// <summary>The designer for one flow version (or a new flow): draw, check with the engine's parser, publish, import, export.</summary>
public sealed class StudioEditModel(ViewerAccessor viewers, WorkflowEngine engine, ContentLayout layout) : PageModel
{
    /// <summary>What a new flow starts from: one start event, drawn.</summary>
    public const string NewFlow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_new" targetNamespace="http://kxhome.local/bpmn">
          <bpmn:process id="new_flow" name="新流程" isExecutable="true">
            <bpmn:startEvent id="start" name="开始" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram_new">
            <bpmndi:BPMNPlane id="plane_new" bpmnElement="new_flow">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    public string Title { get; private set; } = "新建流程";
    public string Xml { get; private set; } = NewFlow;
    public string Templates { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        Templates = StudioApi.Templates(layout);
        if (id is null) return Page();
        var version = (await engine.ListDefinitionsAsync()).FirstOrDefault(d => d.Id == id);
        if (version is null) return NotFound();
        Title = $"{version.Name ?? version.Key} · 第 {version.Version} 版";
        Xml = await engine.GetDefinitionXmlAsync(id);
        return Page();
    }
}
