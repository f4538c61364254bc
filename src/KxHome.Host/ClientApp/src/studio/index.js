// The studio bundle (wwwroot/dist/studio.js + studio.css) for the administrators' pages:
//
//   const editor = KxStudio.createEditor({ container, propertiesPanel, templates });
//     await editor.open(xml)          -> { warnings }, or throws an Error with a Chinese message
//     await editor.xml()              -> formatted BPMN XML
//     editor.showProblems([{ elementId, message }]) / editor.clearProblems()
//     editor.markDiff({ added, removed, changed })   (element ids; replaces the previous marks)
//     editor.on(event, fn), editor.modeler (the bpmn-js Modeler)
//   const viewer = KxStudio.createViewer({ container });
//     await viewer.open(xml), viewer.mark(ids, cssClass), viewer.overlay(elementId, html, position?)
//   const forms = KxStudio.createFormEditor({ container });
//     await forms.open(schema), forms.schema()
//
// `templates` are the element templates of workflows/templates/*.json (an array of their JSON).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import './kx-studio.css';

import { createEditor } from './editor.js';
import { createViewer } from './viewer.js';
import { createFormEditor } from './form-editor.js';

window.KxStudio = { createEditor, createViewer, createFormEditor };
