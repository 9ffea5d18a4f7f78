/**
 * The program of a runner child process (CommonJS text run with `node -e`). It reads no file and
 * starts no process: it waits for one `boot` message carrying the SES, acorn, planner and runner
 * texts, evaluates them (the runner calls `lockdown()`), and then answers one request at a time.
 * Replies go over the JSON IPC channel, predictions as the base64 of their Float64Array bytes
 * (several times faster than Node's structured serialization of a typed array). Each request runs
 * under `vm`'s timeout, which interrupts a candidate stuck in a loop; the
 * reply is sent from a later macrotask, so promise jobs a candidate queued run first, inside its
 * own turn (a flood of them never lets the reply out, and the parent's backstop ends the child).
 */
export const CHILD_SOURCE = String.raw`'use strict';
const vm = require('node:vm');
let handle = null, current = null;
const call = new vm.Script('__cwmCall()', { filename: 'cwm-runner-call.js' });
function isTimeout(e) {
  try { return e !== null && typeof e === 'object' && Object.getOwnPropertyDescriptor(e, 'code')?.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT'; } catch { return false; }
}
process.on('message', (m) => {
  if (m.op === 'boot') {
    vm.runInThisContext(m.ses, { filename: 'ses.js' });
    const parser = vm.runInThisContext(m.acorn, { filename: 'acorn.js' });
    const planner = vm.runInThisContext(m.planner, { filename: 'cwm-planner.js' });
    handle = vm.runInThisContext(m.runner, { filename: 'cwm-runner.js' })(planner, parser);
    Object.defineProperty(globalThis, '__cwmCall', { value: () => handle(current) });
    handle({ op: 'warm' });
    process.send({ op: 'ready' });
    return;
  }
  current = m;
  let reply;
  const t0 = performance.now();
  try {
    reply = call.runInThisContext({ timeout: m.timeoutMs > 0 ? m.timeoutMs : 5000 });
    if (reply !== null) reply.runMs = performance.now() - t0;
  } catch (e) {
    reply = isTimeout(e) ? { id: m.id, ok: false, timeout: true, timeoutMs: m.timeoutMs } : { id: m.id, ok: false, crashed: true };
  }
  current = null;
  if (reply === null) return;
  // JSON is the fastest IPC here; predictions travel as the base64 of their Float64Array bytes.
  if (reply.data instanceof Float64Array) {
    reply.data64 = Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength).toString('base64');
    delete reply.data;
  }
  setImmediate(() => {
    process.send(reply);
    setImmediate(() => handle({ op: 'warm' }));
  });
});
`;
