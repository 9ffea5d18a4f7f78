import { WARM_DELAY_MS } from '../realm/runner-source';

/**
 * The program of a runner child process (CommonJS text run with `node -e`). It reads no file and
 * starts no process: it waits for one `boot` message carrying the SES, acorn, planner and runner
 * texts, evaluates them (the runner calls `lockdown()`), and then answers one request at a time.
 * Replies go over the JSON IPC channel, predictions as the base64 of their Float64Array bytes
 * (several times faster than Node's structured serialization of a typed array). There is no
 * timeout in here: the parent's timer kills a child stuck in a candidate (the child is replaced
 * after a timeout anyway, and `vm`'s per-call watchdog thread cost a third of a CartPole
 * candidate's time). The reply is sent from a later macrotask, so promise jobs a candidate queued
 * run first, inside its own turn (a flood of them never lets the reply out, and the parent's
 * timer ends the child). The next compartment is built `WARM_DELAY_MS` later.
 */
export const CHILD_SOURCE = String.raw`'use strict';
const vm = require('node:vm');
let handle = null;
process.on('message', (m) => {
  if (m.op === 'boot') {
    vm.runInThisContext(m.ses, { filename: 'ses.js' });
    const parser = vm.runInThisContext(m.acorn, { filename: 'acorn.js' });
    const planner = vm.runInThisContext(m.planner, { filename: 'cwm-planner.js' });
    handle = vm.runInThisContext(m.runner, { filename: 'cwm-runner.js' })(planner, parser);
    handle({ op: 'warm' });
    process.send({ op: 'ready' });
    return;
  }
  let reply;
  const t0 = performance.now();
  try {
    reply = handle(m);
    if (reply !== null) reply.runMs = performance.now() - t0;
  } catch {
    reply = { id: m.id, ok: false, crashed: true };
  }
  if (reply === null) return;
  // JSON is the fastest IPC here; predictions travel as the base64 of their Float64Array bytes.
  if (reply.data instanceof Float64Array) {
    reply.data64 = Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength).toString('base64');
    delete reply.data;
  }
  setImmediate(() => {
    process.send(reply);
    setTimeout(() => handle({ op: 'warm' }), ${WARM_DELAY_MS});
  });
});
`;
