// The `translate` service for bpmn-js and everything plugged into it (properties panel, element
// templates, template chooser, lint): English template string -> 简体中文, then {placeholder}s filled in.
import zhCN, { patterns, domPatterns } from './zh-CN.js';

const has = key => Object.prototype.hasOwnProperty.call(zhCN, key);

// English strings asked for that have no Chinese yet: read by the browser check, never shown.
export const missing = new Set();

function fromPatterns(list, text) {
  for (const [pattern, make] of list) {
    const match = pattern.exec(text);
    if (match) return make(...match.slice(1));
  }
  return null;
}

export function customTranslate(template, replacements) {
  const english = String(template);
  let chinese = has(english) ? zhCN[english] : fromPatterns(patterns, english);
  if (chinese === null) {
    // Names users gave (templates, elements) come through here too: only English counts as missing.
    if (/[A-Za-z]/.test(english) && !/[\u4e00-\u9fff]/.test(english)) missing.add(english);
    chinese = english;
  }
  const values = replacements || {};
  return chinese.replace(/{([^}]+)}/g, (whole, key) =>
    values[key] === undefined || values[key] === null ? whole : String(values[key]));
}

// For texts that packages write into the DOM without translate(): exact entries of `dictionary` and
// `textPatterns` only; null when there is no Chinese for it.
export function translateText(text, dictionary = zhCN, textPatterns = domPatterns) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const chinese = Object.prototype.hasOwnProperty.call(dictionary, trimmed)
    ? dictionary[trimmed]
    : fromPatterns(textPatterns, trimmed);
  return chinese === null ? null : text.replace(trimmed, chinese);
}

// Reachable in the browser as modeler.get('translate').missing, for checks of the translation.
customTranslate.missing = missing;

export default { translate: ['value', customTranslate] };
