// The form editor page: form-js editor (window.KxStudio from dist/studio.js), saved beside the flows.
(async () => {
  const root = document.getElementById('form-studio');
  const message = root.querySelector('.studio-message');
  const editor = window.KxStudio.createFormEditor({ container: root.querySelector('.form-editor') });
  root.querySelector('[data-act=save]').addEventListener('click', async () => {
    const response = await fetch('/api/studio/forms', {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify(editor.schema()),
    });
    const data = await response.json().catch(() => ({}));
    message.textContent = response.ok ? `表单 ${data.id} 已保存` : '未保存：' + (data.title || '服务器没有回应');
  });
  try {
    await editor.open(JSON.parse(root.dataset.schema));
    root.dataset.ready = 'yes';
  } catch (error) {
    message.textContent = '表单无法打开：' + error.message;
  }
})();
