// Imports BPMN XML into a modeler or viewer, turning bpmn-js's English import errors into Chinese.
import { customTranslate } from './translate.js';

function reason(error) {
  const message = String(error && error.message || error);
  if (/^failed to parse document as <bpmn:Definitions>/.test(message)) {
    return '文件的根元素不是 <bpmn:Definitions>，不是 BPMN 2.0 流程图';
  }
  const chinese = customTranslate(message);
  if (/^unparsable content/.test(message)) {
    return `XML 内容无法解析，文件可能不是有效的 BPMN 2.0 流程图（${chinese}）`;
  }
  return chinese !== message ? chinese : `文件不是有效的 BPMN 2.0 流程图（${message}）`;
}

// Warnings keep their other fields (element, property, error); the English stays in englishMessage.
function inChinese(warning) {
  return { ...warning, message: customTranslate(warning.message), englishMessage: warning.message };
}

// Some files (Activiti, Signavio exports) bind the prefix `camunda` to another namespace. The Camunda extension
// claims that prefix for its own, and the export then fails ("no namespace uri given for prefix"): such a file's
// prefix is renamed before import, which changes nothing in what the file means.
const CAMUNDA = 'http://camunda.org/schema/1.0/bpmn';

function withoutForeignCamundaPrefix(xml) {
  const declared = /xmlns:camunda="([^"]*)"/.exec(xml);
  if (!declared || declared[1] === CAMUNDA) return xml;
  return xml.replace(/xmlns:camunda=/g, 'xmlns:othercamunda=').replace(/([<\s/])camunda:/g, '$1othercamunda:');
}

// Fits the whole diagram in view, beside the palette (which floats over the canvas's left edge) where there is one,
// and never zoomed in beyond 100 %.
function fit(canvas) {
  canvas.zoom('fit-viewport', 'auto');
  const container = canvas.getContainer();
  const palette = container.querySelector('.djs-palette');
  const { inner, outer } = canvas.viewbox();
  if (!palette || !inner.width || !inner.height) return;
  const margin = 24;
  const left = palette.getBoundingClientRect().right - container.getBoundingClientRect().left + margin;
  const scale = Math.min((outer.width - left - margin) / inner.width, (outer.height - 2 * margin) / inner.height, 1);
  if (scale <= 0) return;
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - (outer.height / scale - inner.height) / 2,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}

export async function openDiagram(diagram, xml) {
  try {
    const { warnings } = await diagram.importXML(withoutForeignCamundaPrefix(xml));
    fit(diagram.get('canvas'));
    return { warnings: warnings.map(inChinese) };
  } catch (error) {
    const failure = new Error('无法打开流程图：' + reason(error), { cause: error });
    failure.warnings = (error && error.warnings || []).map(inChinese);
    throw failure;
  }
}
