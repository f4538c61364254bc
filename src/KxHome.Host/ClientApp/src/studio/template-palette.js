// The palette's group of 科协 tasks: one entry per element template that applies to a service task,
// creating a service task with that template already applied, so administrators drop them in directly.
import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function appliesToServiceTask(template) {
  return (template.appliesTo || []).includes('bpmn:ServiceTask') && !template.deprecated;
}

class TemplatePaletteProvider extends CommandInterceptor {
  constructor(eventBus, palette, create, elementFactory, elementTemplates) {
    super(eventBus);
    this._create = create;
    this._elementFactory = elementFactory;
    this._elementTemplates = elementTemplates;
    palette.registerProvider(this);

    // Templates are validated and loaded after the palette is first drawn; diagram-js offers no
    // public redraw, so the palette is rebuilt when they change.
    eventBus.on('elementTemplates.changed', () => palette._rebuild());

    // Applying the template inside the create command makes create + template one undo step.
    this.postExecuted('elements.create', event => {
      const { elements, hints } = event.context;
      const template = hints && hints.kxTemplate;
      const shape = template && elements.find(e => e.type === 'bpmn:ServiceTask');
      if (shape) this._elementTemplates.applyTemplate(shape, template);
    });
  }

  getPaletteEntries() {
    const entries = {};
    const templates = this._elementTemplates.getLatest().filter(appliesToServiceTask);
    for (const template of templates) {
      const start = event => {
        const shape = this._elementFactory.createShape({ type: 'bpmn:ServiceTask' });
        shape.businessObject.name = template.name;
        this._create.start(event, shape, { hints: { kxTemplate: template } });
      };
      entries['kx-template-' + template.id] = {
        group: 'kx-templates',
        className: 'bpmn-icon-service-task',
        title: template.name + (template.description ? '：' + template.description : ''),
        html: `<div class="entry kx-template-entry" draggable="true"><span class="kx-template-name">${escapeHtml(template.name)}</span></div>`,
        action: { dragstart: start, click: start },
      };
    }
    return entries;
  }
}

TemplatePaletteProvider.$inject = ['eventBus', 'palette', 'create', 'elementFactory', 'elementTemplates'];

export default {
  __init__: ['kxTemplatePalette'],
  kxTemplatePalette: ['type', TemplatePaletteProvider],
};
