// Some packages write English straight into the DOM without translate() (token simulation, form-js
// editor). This puts such texts into Chinese as they appear: exact matches only, and only inside
// `scope` elements, so names that users typed into their diagrams and forms are never touched.
// With `texts: false` only the title, aria-label and placeholder attributes are changed; `dictionary`
// and `patterns` replace the studio's own (see translateText).
import { translateText } from './translate.js';

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];

function translateElement(element, lookup) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const chinese = value && lookup(value);
    // Writing an unchanged value still notifies the observer: that would never end.
    if (chinese && chinese !== value) element.setAttribute(name, chinese);
  }
}

function translateTree(node, scope, texts, lookup) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (!texts) return;
    const parent = node.parentElement;
    if (!parent || !parent.closest(scope)) return;
    const chinese = lookup(node.nodeValue);
    if (chinese && chinese !== node.nodeValue) node.nodeValue = chinese;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const inScope = node.closest(scope);
  if (inScope) translateElement(node, lookup);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let child = walker.nextNode(); child; child = walker.nextNode()) {
    if (child.nodeType === Node.TEXT_NODE) translateTree(child, scope, texts, lookup);
    else if (child.closest(scope)) translateElement(child, lookup);
  }
}

export function translateDom(root, scope, { texts = true, dictionary, patterns } = {}) {
  const lookup = text => translateText(text, dictionary, patterns);
  translateTree(root, scope, texts, lookup);
  const observer = new MutationObserver(records => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(node => translateTree(node, scope, texts, lookup));
      else translateTree(record.target, scope, texts, lookup);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: texts, attributes: true, attributeFilter: ATTRIBUTES });
  return observer;
}
