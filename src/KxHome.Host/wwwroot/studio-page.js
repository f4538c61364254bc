// The studio page: the designer (window.KxStudio from dist/studio.js) wired to the server's check and publish.
(async () => {
  const root = document.getElementById('studio');
  const message = root.querySelector('.studio-message');
  const problemList = root.querySelector('.studio-problems');
  const editor = window.KxStudio.createEditor({
    container: root.querySelector('.studio-canvas'),
    propertiesPanel: root.querySelector('.studio-properties'),
    templates: JSON.parse(root.dataset.templates || '[]'),
  });

  const say = text => { message.textContent = text; };

  function showProblems(problems) {
    editor.clearProblems();
    problemList.replaceChildren(...problems.map(p => {
      const item = document.createElement('li');
      item.textContent = (p.elementId ? `[${p.elementId}] ` : '') + p.message;
      return item;
    }));
    problemList.hidden = problems.length === 0;
    editor.showProblems(problems.filter(p => p.elementId));
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin',
    });
    const data = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, data };
  }

  async function check() {
    const xml = await editor.xml();
    const { ok, data } = await post('/api/studio/check', { xml });
    if (!ok) { say('检查失败：' + (data.title || '服务器没有回应')); return null; }
    showProblems(data.problems);
    say(data.isValid ? '检查通过，可以发布' : `发现 ${data.problems.length} 个问题，已在图上标出`);
    return data.isValid ? xml : null;
  }

  async function saveDraft() {
    const { ok, data } = await post('/api/studio/drafts', { xml: await editor.xml() });
    if (!ok) { say(data.title || '草稿未保存'); return; }
    showProblems(data.check.problems);
    say(data.check.isValid ? '草稿已保存，检查通过' : `草稿已保存；发现 ${data.check.problems.length} 个问题，已在图上标出`);
  }

  async function publish() {
    const xml = await check();
    if (!xml) return;
    const note = root.querySelector('input[name=note]').value;
    const { ok, data } = await post('/api/studio/publish', { xml, note });
    if (!ok) {
      showProblems(data.problems || []);
      say('未发布：' + (data.title || '服务器没有回应'));
      return;
    }
    const published = data.definitions.map(d => d.isNewVersion
      ? `${d.definition.name || d.definition.key} 第 ${d.definition.version} 版已发布`
      : `${d.definition.name || d.definition.key} 没有变化，仍为第 ${d.definition.version} 版`);
    say(published.join('；'));
  }

  function exportFile() {
    editor.xml().then(xml => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      link.download = 'flow.bpmn';
      link.click();
      URL.revokeObjectURL(link.href);
    });
  }

  async function importFile(input) {
    const file = input.files[0];
    if (!file) return;
    try {
      await editor.open(await file.text());
      showProblems([]);
      say(`已导入 ${file.name}，检查后即可发布`);
    } catch (error) {
      say('无法导入：' + error.message);
    }
    input.value = '';
  }

  root.querySelector('[data-act=draft]').addEventListener('click', saveDraft);
  root.querySelector('[data-act=check]').addEventListener('click', check);
  root.querySelector('[data-act=publish]').addEventListener('click', publish);
  root.querySelector('[data-act=export]').addEventListener('click', exportFile);
  root.querySelector('[data-act=import]').addEventListener('change', event => importFile(event.target));

  // A user task's form key is chosen from the flows' forms: the panel's form key field offers them.
  const forms = await fetch('/api/studio/forms', { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : [])).catch(() => []);
  const formKeys = document.createElement('datalist');
  formKeys.id = 'kx-form-keys';
  formKeys.replaceChildren(...forms.map(id => Object.assign(document.createElement('option'), { value: id })));
  root.append(formKeys);
  new MutationObserver(() => {
    root.querySelectorAll('.studio-properties input[id$="formKey"]:not([list])').forEach(input => input.setAttribute('list', formKeys.id));
  }).observe(root.querySelector('.studio-properties'), { childList: true, subtree: true });

  try {
    await editor.open(root.dataset.xml);
    root.dataset.ready = 'yes';
  } catch (error) {
    say('流程图无法显示：' + error.message);
  }
})();
