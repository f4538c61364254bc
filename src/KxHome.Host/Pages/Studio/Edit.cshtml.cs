using KxHome.Host.Cases;
using KxHome.Host.Hosting;
using KxHome.Host.Identity;
using KxHome.Host.Studio;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Pages.Studio;

/// <summary>The designer for one flow version (or a new flow): draw, check with the engine's parser, publish, import, export.</summary>
public sealed class StudioEditModel(ViewerAccessor viewers, WorkflowEngine engine, ContentLayout layout, AppDbContext db, People people) : PageModel
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

    /// <summary>Set when the page shows a saved, unpublished draft instead of the version.</summary>
    public string? DraftNotice { get; private set; }

    /// <summary>Opens a version (<paramref name="id"/>; its flow's draft instead when one was saved since it was published) or a draft by flow key.</summary>
    public async Task<IActionResult> OnGetAsync(string? id, string? draft)
    {
        if (!(await viewers.GetAsync()).IsAdministrator) return NotFound();
        Templates = StudioApi.Templates(layout);
        var versions = await engine.Queries.ListDefinitionsAsync();
        if (id is not null)
        {
            if (versions.FirstOrDefault(d => d.Id == id) is not { } version) return NotFound();
            Title = $"{version.Name ?? version.Key} · 第 {version.Version} 版";
            Xml = await engine.Queries.GetDefinitionXmlAsync(id);
            draft = versions.First(d => d.Key == version.Key) == version ? version.Key : null; // a draft continues the newest version
        }
        if (draft is not null && await db.FlowDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Key == draft) is { } saved
            && versions.Where(d => d.Key == draft).All(d => d.DeployedAt <= saved.SavedAt))
        {
            Xml = saved.Xml;
            Title = id is null ? $"{draft} · 草稿" : Title + " · 草稿";
            var names = await people.ByIdsAsync([saved.SavedBy]);
            DraftNotice = $"已载入未发布的草稿（{People.NameOf(names, saved.SavedBy)} 于 {Deadline.Format(saved.SavedAt)} 保存）";
        }
        else if (id is null && draft is not null)
        {
            return NotFound();
        }
        return Page();
    }
}
