/**
 * The source of a Node planning thread (CommonJS, run with `new Worker(source, { eval: true })`
 * like the evaluator thread in worker-source.ts, so it loads the same way under tsx and vitest).
 *
 * It builds ONE fresh `vm` context (no `require`, `process`, timers, `eval`/`Function` from
 * strings) holding, in this order: the planner runtime and the glue (PLAN_GLUE_SOURCE, which
 * captures built-ins before any candidate code runs), then the candidate. Then it answers
 * messages `{ id, op: 'start' | 'act' | 'reset', text }` with `{ id, text }`, the glue's JSON
 * string, or `{ id, timeout: true }` when vm's timeout stopped the call. Only primitives cross:
 * inputs go in as string literals inside the script text, answers come out as strings; an
 * exception that escapes the glue is never read here (its getters would run outside the timeout).
 */
export const PLAN_WORKER_SOURCE = String.raw`'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { types } = require('node:util');

const context = vm.createContext(Object.create(null), {
  name: 'candidate-planner',
  codeGeneration: { strings: false, wasm: false },
  microtaskMode: 'afterEvaluate',
});
new vm.Script(
  "'use strict'; Object.defineProperty(globalThis, '__cwmHarness', { value: Object.freeze((" + workerData.glue + ")(" + workerData.runtime + ")), writable: false, enumerable: false, configurable: false });",
  { filename: 'cwm-planner.js' },
).runInContext(context);

function isTimeout(e) {
  if (e === null || typeof e !== 'object' || types.isProxy(e) || !types.isNativeError(e)) return false;
  const code = Object.getOwnPropertyDescriptor(e, 'code');
  return code !== undefined && code.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function fail(message) {
  return JSON.stringify({ ok: false, message });
}

// Runs code in the candidate's realm under the time limit; only a string answer is accepted.
function call(code, timeoutMs) {
  try {
    const out = vm.runInContext(code, context, { timeout: timeoutMs, filename: 'cwm-planner-call.js' });
    return typeof out === 'string' ? { text: out } : { text: fail('the planning glue returned no answer') };
  } catch (e) {
    return isTimeout(e) ? { timeout: true } : { text: fail('the program broke out of the planner in a way that cannot be read') };
  }
}

function load(timeoutMs) {
  let script;
  try {
    script = new vm.Script(workerData.program, { filename: 'candidate.js' });
  } catch (e) {
    // A compile error is made by V8 in this realm before any candidate code runs: safe to read.
    return { text: fail('SyntaxError: ' + String(e && e.message) + '; fix the program so that it parses') };
  }
  const started = performance.now();
  try {
    script.runInContext(context, { timeout: timeoutMs });
  } catch (e) {
    if (isTimeout(e)) return { timeout: true };
    return { text: fail('the program failed while loading') };
  }
  const left = Math.max(1, Math.ceil(timeoutMs - (performance.now() - started)));
  return call('__cwmHarness.start(' + JSON.stringify(workerData.config) + ')', left);
}

parentPort.on('message', (message) => {
  let reply;
  if (message.op === 'start') reply = load(message.timeoutMs);
  else if (message.op === 'act') reply = call('__cwmHarness.act(' + JSON.stringify(message.text) + ')', message.timeoutMs);
  else if (message.op === 'reset') reply = call('__cwmHarness.reset()', message.timeoutMs);
  else reply = { text: fail('unknown request') };
  parentPort.postMessage({ id: message.id, ...reply });
});
`;
