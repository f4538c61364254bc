// KxStudio.createFormEditor: the form-js editor for the forms beside the flows. form-js has no
// translation hook, so its palette and properties panel are put into Chinese through the DOM.
import { FormEditor } from '@bpmn-io/form-js-editor';

import { translateDom } from './dom-translate.js';
import { formEditor as dictionary, formEditorPatterns as patterns } from './zh-CN.js';

// The editor's own chrome only: the form canvas in between shows the labels users wrote.
const CHROME = '.fjs-palette-container, .fjs-properties-container, .fjs-context-pad, .fjs-empty-editor, .fjs-editor-dropzone-placeholder';

export function createFormEditor({ container }) {
  const editor = new FormEditor({ container });
  translateDom(container, CHROME, { dictionary, patterns });
  return {
    open: async schema => {
      try {
        return await editor.importSchema(typeof schema === 'string' ? JSON.parse(schema) : schema);
      } catch (error) {
        throw new Error('无法打开表单：' + (error instanceof SyntaxError ? '内容不是有效的 JSON' : error.message), { cause: error });
      }
    },
    schema: () => editor.saveSchema(),
  };
}
