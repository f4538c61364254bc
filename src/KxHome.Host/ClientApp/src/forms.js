// The form viewer of the portal and the inbox: renders a flow's form (form-js JSON) into every element with
// data-form-schema, checks it in the browser, and hands the data to the surrounding HTML form as JSON.
// The server checks the same schema again; the browser check only saves a round trip.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { translate } from './zh.js';

// The characters a text counts as its length: every one but whitespace (as the server counts a plan's length, R35).
function countCharacters(text) {
  return [...(text || '')].filter(ch => !/\s/u.test(ch)).length;
}

// A live count under each textarea whose component has the property countCharacters = "true".
function showCounts(host, schema, data) {
  const counters = (schema.components || [])
    .filter(c => c.properties && c.properties.countCharacters === 'true' && c.key)
    .map(c => {
      const field = host.querySelector(`textarea[id$="-${c.id}"]`);
      if (!field) return null;
      const counter = document.createElement('p');
      counter.className = 'char-count';
      counter.setAttribute('aria-live', 'polite');
      field.closest('.fjs-form-field').appendChild(counter);
      return { key: c.key, counter };
    })
    .filter(Boolean);
  const update = values => counters.forEach(({ key, counter }) => {
    counter.textContent = `已填写 ${countCharacters(values[key])} 字（不计空白）`;
  });
  update(data);
  return update;
}

function readJson(element, attribute) {
  const text = element.getAttribute(attribute);
  return text ? JSON.parse(text) : {};
}

async function mount(host) {
  const schema = readJson(host, 'data-form-schema');
  const data = readJson(host, 'data-form-data');
  const readonly = host.hasAttribute('data-form-readonly');
  // Every change applies at once: form-js otherwise applies typed text 300 ms later, and a change to another
  // field in between could drop it.
  const form = new Form({ container: host, debounce: false });
  await form.importSchema(schema, data);
  if (readonly) form.setProperty('readOnly', true);
  translate(host);
  const count = showCounts(host, schema, data);
  form.on('changed', event => count(event.data));

  const htmlForm = host.closest('form');
  if (!htmlForm || readonly) return;
  const field = htmlForm.querySelector('input[name="FormData"]');
  let current = data;
  const sync = () => { field.value = JSON.stringify(current); };
  form.on('changed', event => { current = event.data; sync(); });
  sync();
  htmlForm.addEventListener('submit', event => {
    const submitter = event.submitter;
    const isDraft = submitter && submitter.hasAttribute('data-no-validate');
    if (isDraft) return;
    const { data: values, errors } = form.submit();
    field.value = JSON.stringify(values);
    if (Object.keys(errors).length > 0) {
      event.preventDefault();
      translate(host);
      const first = host.querySelector('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select');
      if (first) first.focus();
    }
  });
}

document.querySelectorAll('[data-form-schema]').forEach(host => {
  mount(host).catch(error => {
    host.textContent = '表单无法显示：' + error.message;
  });
});
