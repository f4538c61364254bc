// form-js has no translations: its English validation and placeholder texts are put into Chinese here,
// as they appear, by watching the form's DOM.
const patterns = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must have minimum length of (.+)\.$/, n => `至少填写 ${n} 个字`],
  [/^Field must have maximum length of (.+)\.$/, n => `最多填写 ${n} 个字`],
  [/^Field must have minimum value of (.+)\.$/, n => `不能小于 ${n}`],
  [/^Field must have maximum value of (.+)\.$/, n => `不能大于 ${n}`],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码'],
  [/^Search$/, () => '搜索'],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '无匹配项'],
  [/^No files selected$/, () => '未选择文件'],
];

function translateText(text) {
  const trimmed = text.trim();
  for (const [pattern, make] of patterns) {
    const match = trimmed.match(pattern);
    if (match) return make(match[1]);
  }
  return null;
}

function translateNode(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chinese = translateText(node.nodeValue);
    if (chinese !== null) node.nodeValue = chinese;
  }
  root.querySelectorAll('[placeholder]').forEach(input => {
    const chinese = translateText(input.getAttribute('placeholder'));
    if (chinese !== null) input.setAttribute('placeholder', chinese);
  });
}

export function translate(host) {
  translateNode(host);
  if (host.dataset.translating) return;
  host.dataset.translating = 'yes';
  new MutationObserver(() => translateNode(host)).observe(host, { childList: true, subtree: true, characterData: true });
}
