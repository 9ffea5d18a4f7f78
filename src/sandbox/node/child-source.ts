import { WARM_DELAY_MS } from '../realm/runner-source';

/**
 * The child's side of the frames (see frames.ts), as CommonJS text: `send(message, bytes)` writes
 * one frame to stdout (`bytes` a typed array or null), and every frame read from stdin is passed
 * to a `receive(message)` the including text defines. The runner child and the benchmark's echo
 * child (tests/bench/boundary.ts) both use it.
 */
export const CHILD_FRAMES_SOURCE = String.raw`
const fs = require('node:fs');
// Stdout carries frames only: whatever prints (SES's own reports, say) goes to stderr.
console.log = console.info = console.debug = console.warn;
const pause = new Int32Array(new SharedArrayBuffer(4));
function send(message, bytes) {
  const json = Buffer.from(JSON.stringify(message));
  const extra = bytes === null ? 0 : bytes.byteLength;
  const out = Buffer.allocUnsafe(8 + json.length + extra);
  out.writeUInt32LE(4 + json.length + extra, 0);
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  if (bytes !== null) out.set(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), 8 + json.length);
  for (let at = 0; at < out.length; ) {
    try {
      at += fs.writeSync(1, out, at);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
let chunks = [];
let have = 0;
let need = -1;
process.stdin.on('data', (chunk) => {
  chunks.push(chunk);
  have += chunk.length;
  for (;;) {
    if (need < 0) {
      if (have < 4) return;
      if (chunks[0].length < 4) chunks = [Buffer.concat(chunks, have)];
      need = 4 + chunks[0].readUInt32LE(0);
    }
    if (have < need) return;
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
    const message = JSON.parse(all.toString('utf8', 8, 8 + all.readUInt32LE(4)));
    const rest = all.subarray(need);
    chunks = rest.length > 0 ? [rest] : [];
    have = rest.length;
    need = -1;
    receive(message);
  }
});
process.stdin.on('end', () => process.exit(0));
`;

/**
 * The program of a runner child process (CommonJS text run with `node -e`). It reads no file and
 * starts no process: it waits for one `boot` message carrying the SES, acorn, planner and runner
 * texts, evaluates them (the runner calls `lockdown()`), and then answers one request at a time.
 * Messages are frames on stdin and stdout (see frames.ts); a reply's predictions follow its JSON
 * as the raw bytes of their Float64Array. (Node's JSON IPC channel, with the predictions as base64
 * text, cost 36–37.5 ms per Acrobot candidate against 31–32 ms, measured side by side, and up to
 * 0.15 ms more per CartPole one.) There is no timeout in here: the parent's timer kills a child
 * stuck in a candidate (the child is replaced after a timeout anyway, and `vm`'s per-call watchdog
 * thread cost a third of a CartPole candidate's time). The reply is sent from a later macrotask,
 * so promise jobs a candidate queued run first, inside its own turn (a flood of them never lets
 * the reply out, and the parent's timer ends the child). The next compartment is built
 * `WARM_DELAY_MS` later, with the runner's health check, whose `{ op: 'spoiled' }` goes to the
 * parent.
 */
export const CHILD_SOURCE = String.raw`'use strict';
const vm = require('node:vm');
${CHILD_FRAMES_SOURCE}
let handle = null;
function receive(m) {
  if (m.op === 'boot') {
    vm.runInThisContext(m.ses, { filename: 'ses.js' });
    const parser = vm.runInThisContext(m.acorn, { filename: 'acorn.js' });
    const planner = vm.runInThisContext(m.planner, { filename: 'cwm-planner.js' });
    handle = vm.runInThisContext(m.runner, { filename: 'cwm-runner.js' })(planner, parser);
    handle({ op: 'warm' });
    send({ op: 'ready' }, null);
    return;
  }
  let reply;
  try {
    reply = handle(m);
  } catch {
    reply = { id: m.id, ok: false, crashed: true };
  }
  if (reply === null) return;
  let bytes = null;
  if (reply.data instanceof Float64Array) {
    bytes = reply.data;
    delete reply.data;
  }
  setImmediate(() => {
    send(reply, bytes);
    setTimeout(() => {
      const note = handle({ op: 'warm' });
      if (note) send(note, null);
    }, ${WARM_DELAY_MS});
  });
}
`;
