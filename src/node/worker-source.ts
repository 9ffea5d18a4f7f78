/**
 * The source of the Node evaluator thread (CommonJS, run with `new Worker(source, { eval: true })`
 * so it loads the same way under tsx, vitest and a bundled CLI).
 *
 * Per job it takes a fresh `vm` context (no `require`, `process` or timers; no `eval`/`Function`
 * from strings, like the browser's CSP without 'unsafe-eval'), installs the shared harness before
 * the candidate, loads the candidate as its own script so stack lines are the candidate's lines,
 * and runs it under vm's `timeout`. Only primitives cross into or out of the context: a value from
 * the outer realm would hand the candidate this realm's `Function` and with it `process`. A thrown
 * value is described inside the context for the same reason. Strict mode everywhere keeps V8's
 * stack-trace API from handing the candidate our functions.
 */
export const NODE_WORKER_SOURCE = String.raw`'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { types } = require('node:util');
const { randomBytes } = require('node:crypto');

const install = new vm.Script(
  "'use strict'; Object.defineProperty(globalThis, '__cwmHarness', { value: Object.freeze((" + workerData.harness + ")()), writable: false, enumerable: false, configurable: false });",
  { filename: 'cwm-harness.js' },
);
const prepare = new vm.Script("'use strict'; __cwmHarness.prepare(globalThis.__cwmInputs); delete globalThis.__cwmInputs;", { filename: 'cwm-harness.js' });

// A context with the harness installed, made while the thread is idle so a job does not wait;
// it also parses the inputs of the latest job, since a search scores every candidate on them.
let lastInputs = null;
function makeContext() {
  const sandbox = Object.create(null);
  const context = vm.createContext(sandbox, {
    name: 'candidate',
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  install.runInContext(context);
  if (lastInputs !== null) {
    sandbox.__cwmInputs = lastInputs;
    prepare.runInContext(context);
  }
  return { sandbox, context, inputs: lastInputs };
}
let warm = null;

function isTimeout(e) {
  if (e === null || typeof e !== 'object' || types.isProxy(e) || !types.isNativeError(e)) return false;
  const code = Object.getOwnPropertyDescriptor(e, 'code');
  return code !== undefined && code.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function failure(message, file) {
  return { kind: 'finished', loading: true, text: JSON.stringify({ ok: false, message, stack: null, file, syntax: false }) };
}

function runJob(job) {
  const deadline = performance.now() + job.timeoutMs;
  const left = () => Math.max(1, Math.ceil(deadline - performance.now()));
  const timeout = { kind: 'timeout', timeoutMs: job.timeoutMs };
  const file = 'candidate-' + randomBytes(6).toString('hex') + '.js';
  const { sandbox, context, inputs } = warm || makeContext();
  warm = null;
  if (inputs !== job.inputs) {
    sandbox.__cwmInputs = job.inputs;
    prepare.runInContext(context);
  }
  lastInputs = job.inputs;

  let script;
  try {
    script = new vm.Script(job.program, { filename: file });
  } catch (e) {
    // A compile error is made by V8 in this realm before any candidate code runs: safe to read.
    const text = JSON.stringify({ ok: false, message: 'SyntaxError: ' + String(e && e.message), stack: String(e && e.stack), file, syntax: true });
    return { kind: 'finished', loading: true, text };
  }

  const describeInside = (thrown, loading) => {
    try {
      Object.defineProperty(sandbox, '__cwmThrown', { value: thrown, writable: true, configurable: true });
    } catch {
      return failure('the program threw while ' + (loading ? 'loading' : 'running') + ' and then hid what it threw', file);
    }
    try {
      const text = vm.runInContext('__cwmHarness.describe(__cwmThrown, ' + JSON.stringify(file) + ', ' + loading + ')', context, { timeout: left() });
      return typeof text === 'string' ? { kind: 'finished', loading, text } : failure('the program threw something unreadable', file);
    } catch (e) {
      return isTimeout(e) ? timeout : failure('the program threw something unreadable', file);
    }
  };

  try {
    script.runInContext(context, { timeout: left() });
  } catch (e) {
    return isTimeout(e) ? timeout : describeInside(e, true);
  }
  try {
    const run = '__cwmHarness.run(' + JSON.stringify(file) + ')';
    const text = vm.runInContext(run, context, { timeout: left() });
    return typeof text === 'string' ? { kind: 'finished', text } : failure('the evaluator returned no result', file);
  } catch (e) {
    return isTimeout(e) ? timeout : describeInside(e, false);
  }
}

parentPort.on('message', (job) => {
  let reply;
  try {
    reply = runJob(job);
  } catch (e) {
    reply = { kind: 'crashed', message: 'the evaluator failed: ' + String(e && e.message) };
  }
  parentPort.postMessage({ id: job.id, reply });
  setImmediate(() => {
    if (!warm) warm = makeContext();
  });
});
warm = makeContext();
`;
