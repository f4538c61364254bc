// The form viewer of the portal and the inbox: renders a flow's form (form-js JSON) into every element with
// data-form-schema, checks it in the browser, and hands the data to the surrounding HTML form as JSON.
// The server checks the same schema again; the browser check only saves a round trip.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { translate } from './zh.js';

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
