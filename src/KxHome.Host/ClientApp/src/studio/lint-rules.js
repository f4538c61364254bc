// The Chinese names of bpmnlint's `recommended` rules, shown in place of their ids after each lint message
// (e.g. "(label-required)" becomes "（规则：元素须有名称）"); the link to the rule's documentation stays.
const names = {
  'ad-hoc-sub-process': '特设子流程',
  'conditional-flows': '条件顺序流',
  'end-event-required': '须有结束事件',
  'event-based-gateway': '事件网关',
  'event-sub-process-typed-start-event': '事件子流程的开始事件须有类型',
  'fake-join': '不以任务或事件合并',
  'global': '全局元素',
  'label-required': '元素须有名称',
  'link-event': '链接事件',
  'no-bpmndi': '须有图形信息',
  'no-complex-gateway': '不用复杂网关',
  'no-disconnected': '元素须有连线',
  'no-duplicate-sequence-flows': '不重复顺序流',
  'no-gateway-join-fork': '网关不同时合并和分支',
  'no-implicit-split': '不隐式分支',
  'no-implicit-end': '不隐式结束',
  'no-implicit-start': '不隐式开始',
  'no-inclusive-gateway': '不用包容网关',
  'no-overlapping-elements': '元素不重叠',
  'single-blank-start-event': '只有一个空开始事件',
  'single-event-definition': '事件只有一个定义',
  'start-event-required': '须有开始事件',
  'sub-process-blank-start-event': '子流程用空开始事件',
  'superfluous-gateway': '不用多余的网关',
  'superfluous-label': '不用多余的标签',
  'superfluous-termination': '不用多余的终止事件',
};

// Keyed as the lint overlay writes them: the id alone, and with its package's prefix.
export const lintRuleNames = Object.fromEntries(Object.entries(names).flatMap(([id, name]) => [[id, `规则：${name}`], [`bpmnlint/${id}`, `规则：${name}`]]));
