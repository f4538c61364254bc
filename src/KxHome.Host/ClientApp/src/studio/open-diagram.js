// Imports BPMN XML into a modeler or viewer, turning bpmn-js's English import errors into Chinese.
import { customTranslate } from './translate.js';

function reason(error) {
  const message = String(error && error.message || error);
  const line = /line:\s*(\d+)/i.exec(message);
  const at = line ? `（第 ${line[1]} 行附近）` : '';
  if (/unparsable content|non-whitespace outside of root node|unclosed|unexpected close tag|missing start tag|unparsable|Invalid/i.test(message)) {
    return `XML 内容无法解析${at}，文件可能不是有效的 BPMN 2.0 流程图`;
  }
  if (/failed to parse document as <bpmn:Definitions>/.test(message)) {
    return '文件的根元素不是 <bpmn:Definitions>，不是 BPMN 2.0 流程图';
  }
  const chinese = customTranslate(message);
  return chinese !== message ? chinese : `文件不是有效的 BPMN 2.0 流程图（${message}）`;
}

export async function openDiagram(diagram, xml) {
  try {
    const { warnings } = await diagram.importXML(xml);
    diagram.get('canvas').zoom('fit-viewport', 'auto');
    return { warnings };
  } catch (error) {
    const failure = new Error('无法打开流程图：' + reason(error), { cause: error });
    failure.warnings = error && error.warnings || [];
    throw failure;
  }
}
