// Peer benchmark: drive a BPMN approval flow (workflows/approval.bpmn) to the end with
// bpmn-engine 25.0.1, one instance after another, and print instances per second.
//
//   node run.mjs <path-to-bpmn> <instances>
//
// stdout: exactly one line, `peer.bpmn_engine_instances_per_s: <n.n>`; everything else goes to stderr.
//
// What one "instance" is here: a new Engine built from the already parsed definition (the XML is parsed
// once, the way a deployed definition is reused), executed until the engine emits `end`:
//   start -> submit (user task, signalled) -> review (user task, signalled with approved = true)
//   -> decision (${approved}) -> approve (external service task, completed by a topic handler)
//   -> approved_end.
// Every instance is checked to have ended in `approved_end` (and not `rejected_end`).

import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';

import { Engine } from 'bpmn-engine';
// bpmn-engine's own dependencies; imported the way its API docs do for `addSource({ sourceContext })`.
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import Serializer, { TypeResolver } from 'moddle-context-serializer';

const WARMUP_INSTANCES = 50;

// The few Camunda 7 extension attributes the flow uses, as a bpmn-moddle package (same names as
// camunda-bpmn-moddle), so that `camunda:type` / `camunda:topic` reach the element behaviour.
const camundaSubset = {
  name: 'Camunda',
  uri: 'http://camunda.org/schema/1.0/bpmn',
  prefix: 'camunda',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'ExternalCapable',
      isAbstract: true,
      extends: ['bpmn:ServiceTask'],
      properties: [
        { name: 'type', isAttr: true, type: 'String' },
        { name: 'topic', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Assignable',
      isAbstract: true,
      extends: ['bpmn:UserTask'],
      properties: [
        { name: 'assignee', isAttr: true, type: 'String' },
        { name: 'candidateUsers', isAttr: true, type: 'String' },
        { name: 'candidateGroups', isAttr: true, type: 'String' },
        { name: 'dueDate', isAttr: true, type: 'String' },
        { name: 'followUpDate', isAttr: true, type: 'String' },
        { name: 'priority', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'FormSupported',
      isAbstract: true,
      extends: ['bpmn:UserTask', 'bpmn:StartEvent'],
      properties: [{ name: 'formKey', isAttr: true, type: 'String' }],
    },
  ],
};

function fail(message) {
  process.stderr.write(`run.mjs: ${message}\n`);
  process.exit(1);
}

async function loadSourceContext(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const moddleContext = await new BpmnModdle({ camunda: camundaSubset }).fromXML(xml);
  for (const w of moddleContext.warnings || []) {
    process.stderr.write(`bpmn-moddle warning: ${w.message}\n`);
  }
  return Serializer(moddleContext, TypeResolver(elements));
}

// Expressions: bpmn-elements resolves `${x}` against the message context ({ environment, content,
// fields, properties }), so Camunda/JUEL-style `${approved}` would be undefined there. This handler
// (the documented `expressions` engine option) first resolves the expression's root identifier
// against the process variables (environment.variables), as Camunda does, and otherwise falls back to
// the built-in bpmn-elements resolver (so `${environment.services.x}` etc. still work).
const builtinExpressions = new elements.Environment().expressions;
const rootIdentifier = /^\$\{\s*([A-Za-z_$][\w$]*)/;
const expressions = {
  isExpression: builtinExpressions.isExpression,
  hasExpression: builtinExpressions.hasExpression,
  resolveExpression(expression, context, fnContext) {
    const vars = context?.environment?.variables;
    const m = vars && rootIdentifier.exec(expression);
    if (m && Object.prototype.hasOwnProperty.call(vars, m[1])) {
      return builtinExpressions.resolveExpression(expression, vars, fnContext);
    }
    return builtinExpressions.resolveExpression(expression, context, fnContext);
  },
};

// External service tasks (camunda:type="external"): bpmn-engine needs a Service behaviour on the
// activity or it fails with "service not defined". This activity extension (the documented
// `extensions` option) gives every external service task a Service that hands the work to the
// handler registered under its topic in `services` — the in-process stand-in for an external worker
// that fetches and completes the task.
const extensions = {
  externalTopic(activity) {
    if (activity.type !== 'bpmn:ServiceTask') return;
    const { type, topic } = activity.behaviour;
    if (type !== 'external' || !topic) return;
    activity.behaviour.Service = function ExternalTopicService(owner) {
      return {
        execute(executeMessage, callback) {
          const handler = owner.environment.getServiceByName(topic);
          if (typeof handler !== 'function') return callback(new Error(`no handler for topic ${topic}`));
          return handler(executeMessage.content, callback);
        },
      };
    };
  },
};

// Per-instance bookkeeping, filled by the listener; instances run strictly one after another.
let current = null;

const services = {
  'approval.record'(content, next) {
    current.recorded++;
    next(null, { recorded: true });
  },
};

const listener = new EventEmitter();
listener.on('activity.wait', (api, execution) => {
  switch (api.id) {
    case 'submit':
      current.submitted++;
      api.signal({ submitted: true });
      break;
    case 'review':
      current.reviewed++;
      // Completing the task with a variable, as taskService.complete(id, { approved: true }) would.
      api.environment.variables.approved = true;
      api.signal({ approved: true });
      break;
    default:
      current.error = new Error(`unexpected wait in ${api.id}`);
      execution.stop();
  }
});
listener.on('activity.end', (api) => {
  if (api.id === 'approved_end') current.approvedEnd++;
  else if (api.id === 'rejected_end') current.rejectedEnd++;
});

function runInstance(sourceContext, n) {
  current = { submitted: 0, reviewed: 0, recorded: 0, approvedEnd: 0, rejectedEnd: 0, error: null };
  const engine = new Engine({
    name: `approval-${n}`,
    sourceContext,
    expressions,
    extensions,
    services,
  });
  return new Promise((resolve, reject) => {
    engine.execute({ listener, variables: {} }, (err) => {
      if (err) return reject(err);
      const c = current;
      if (c.error) return reject(c.error);
      const ok = c.approvedEnd === 1 && c.rejectedEnd === 0 && c.submitted === 1 && c.reviewed === 1 && c.recorded === 1;
      resolve(ok);
    });
  });
}

async function runMany(sourceContext, count, offset) {
  let approved = 0;
  for (let i = 0; i < count; i++) {
    if (await runInstance(sourceContext, offset + i)) approved++;
    else if (i - approved < 5) process.stderr.write(`instance ${offset + i} did not end at approved_end: ${JSON.stringify(current)}\n`);
  }
  return approved;
}

async function main() {
  const [file, countArg] = process.argv.slice(2);
  const count = Number.parseInt(countArg, 10);
  if (!file || !Number.isInteger(count) || count <= 0) {
    process.stderr.write('usage: node run.mjs <path-to-bpmn> <instances>\n');
    process.exit(2);
  }

  const sourceContext = await loadSourceContext(file);

  const warmOk = await runMany(sourceContext, WARMUP_INSTANCES, 0);
  if (warmOk !== WARMUP_INSTANCES) fail(`warm-up: ${WARMUP_INSTANCES - warmOk} of ${WARMUP_INSTANCES} instances did not end at approved_end`);

  const t0 = performance.now();
  const ok = await runMany(sourceContext, count, WARMUP_INSTANCES);
  const seconds = (performance.now() - t0) / 1000;

  if (ok !== count) fail(`${count - ok} of ${count} instances did not end at approved_end`);

  process.stdout.write(`peer.bpmn_engine_instances_per_s: ${(count / seconds).toFixed(1)}\n`);
}

main().catch((err) => fail(err?.stack || String(err)));
