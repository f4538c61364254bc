// KxStudio.createEditor: the administrators' BPMN designer (Camunda 7 attributes, 科协 task templates,
// lint, token simulation), all in Chinese.
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
  CamundaPlatformTooltipProvider,
} from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import LintModule from 'bpmn-js-bpmnlint';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import translateModule from './translate.js';
import lintConfig from './lint-config.js';
import templatePaletteModule from './template-palette.js';
import panelTranslateModule from './panel-translate.js';
import { openDiagram } from './open-diagram.js';
import { Markers } from './markers.js';
import { translateDom } from './dom-translate.js';
import { lintRuleNames } from './lint-rules.js';

export function createEditor({ container, propertiesPanel, templates }) {
  const modeler = new Modeler({
    container,
    // Without a container the panel's services still run (element templates need them), unattached.
    propertiesPanel: { parent: propertiesPanel, tooltip: CamundaPlatformTooltipProvider },
    elementTemplates: templates || [],
    linting: { bpmnlint: lintConfig, active: true },
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      panelTranslateModule,
      ElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      templatePaletteModule,
      LintModule,
      TokenSimulationModule,
      translateModule,
    ],
  });
  // Token simulation and parts of the popup menu write English into the DOM without translate().
  translateDom(modeler.get('canvas').getContainer(), '[class*="bts-"], .djs-popup');
  // The panel's entries show a few built-in tooltips ("Open pop-up editor") without translate().
  if (propertiesPanel) translateDom(propertiesPanel, '.bio-properties-panel', { texts: false });
  // …and "Opened in editor" while an entry's pop-up editor is open.
  if (propertiesPanel) translateDom(propertiesPanel, '[class*="open-popup-placeholder"]');
  // The lint messages name their rule by its id: people read the rule's Chinese name.
  translateDom(modeler.get('canvas').getContainer(), '[data-rule] .rule', { dictionary: lintRuleNames, patterns: [] });

  const markers = new Markers(modeler);
  return {
    modeler,
    open: xml => openDiagram(modeler, xml),
    xml: async () => (await modeler.saveXML({ format: true })).xml,
    showProblems: problems => markers.showProblems(problems),
    clearProblems: () => markers.clearProblems(),
    markDiff: diff => markers.markDiff(diff),
    on: (event, ...args) => modeler.on(event, ...args),
  };
}
