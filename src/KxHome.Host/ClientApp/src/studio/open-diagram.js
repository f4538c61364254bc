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

export async function openDiagram(diagram, xml) {
  try {
    const { warnings } = await diagram.importXML(xml);
    diagram.get('canvas').zoom('fit-viewport', 'auto');
    return { warnings: warnings.map(inChinese) };
  } catch (error) {
    const failure = new Error('无法打开流程图：' + reason(error), { cause: error });
    failure.warnings = (error && error.warnings || []).map(inChinese);
    throw failure;
  }
}
