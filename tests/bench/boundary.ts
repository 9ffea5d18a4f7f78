/**
 * The cost of the process and thread boundaries alone, for `npm run bench:eval`: a round trip
 * with no work on the other side, after 50 ms idle (as between two model calls), carrying what a
 * CartPole job carries (a 3 KB program out, 402 × 7 numbers back). It is the part of a new
 * candidate's time that no runner design on that side of the boundary can remove.
 */
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { CHILD_FRAMES_SOURCE } from '../../src/sandbox/node/child-source';
import { encodeFrame, frameMessage, FrameReader } from '../../src/sandbox/node/frames';

const ROUNDS = 25;
const IDLE_MS = 50;
const PROGRAM_CHARS = 3000;
const REPLY_NUMBERS = 402 * 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The three places a worker can run relative to the page, timed alike. */
export interface BrowserTrips {
  /** A worker the page starts itself from a blob URL: the least a worker costs. */
  sameProcess: number;
  /** A data: worker owned by a same-origin iframe with its own CSP: the in-page runner host. */
  inPageHost: number;
  /** A worker inside a sandboxed iframe (opaque origin, a process of its own): the isolated host. */
  sandboxFrame: number;
}

/** In the page: a round trip to each place a worker can be (see BrowserTrips). */
export async function browserRoundTrips(page: Page, hostDocument: string): Promise<BrowserTrips> {
  const script = `(async () => {
    const worker = 'self.onmessage = (e) => { const port = e.data.port; port.onmessage = () => { const out = new Float64Array(${REPLY_NUMBERS}); port.postMessage(out, [out.buffer]); }; };';
    const trips = async (port) => {
      const ms = [];
      for (let i = 0; i < ${ROUNDS}; i++) {
        await new Promise((r) => setTimeout(r, ${IDLE_MS}));
        const t0 = performance.now();
        await new Promise((r) => { port.onmessage = () => r(); port.postMessage({ program: 'x'.repeat(${PROGRAM_CHARS}) + i }); });
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      return ms[Math.floor(ms.length / 2)];
    };
    const mount = async (frame) => {
      frame.style.display = 'none';
      const loaded = new Promise((r) => (frame.onload = r));
      document.body.append(frame);
      await loaded;
      return frame;
    };
    const local = new MessageChannel();
    new Worker(URL.createObjectURL(new Blob([worker]))).postMessage({ port: local.port2 }, [local.port2]);
    const host = document.createElement('iframe');
    host.srcdoc = ${JSON.stringify(hostDocument)};
    await mount(host);
    const hosted = new MessageChannel();
    new host.contentWindow.Worker('data:text/javascript,' + encodeURIComponent(worker)).postMessage({ port: hosted.port2 }, [hosted.port2]);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.srcdoc = '<script>onmessage = (e) => { const w = new Worker(URL.createObjectURL(new Blob([' + JSON.stringify(worker) + ']))); w.postMessage({ port: e.ports[0] }, [e.ports[0]]); };<\\/script>';
    await mount(frame);
    const remote = new MessageChannel();
    frame.contentWindow.postMessage(null, '*', [remote.port2]);
    const result = { sameProcess: await trips(local.port1), inPageHost: await trips(hosted.port1), sandboxFrame: await trips(remote.port1) };
    host.remove();
    frame.remove();
    return result;
  })()`;
  return page.evaluate(script) as Promise<BrowserTrips>;
}

/**
 * In Node: to a child process over its stdin and stdout in the runner's frames, written and read
 * in the child by the runner child's own frame code, the reply's numbers as raw bytes.
 */
export async function nodeRoundTrip(): Promise<number> {
  const echo = `'use strict';
${CHILD_FRAMES_SOURCE}
const numbers = new Float64Array(${REPLY_NUMBERS});
function receive(m) { send({ id: m.id }, numbers); }`;
  const child = spawn(process.execPath, ['-e', echo], { stdio: ['pipe', 'pipe', 'inherit'] });
  const reader = new FrameReader();
  let answer: () => void = () => {};
  child.stdout.on('data', (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) if (frameMessage(frame).data instanceof Float64Array) answer();
  });
  const ms: number[] = [];
  try {
    for (let i = 0; i < ROUNDS + 1; i++) {
      await new Promise((r) => setTimeout(r, IDLE_MS));
      const t0 = performance.now();
      await new Promise<void>((r) => {
        answer = r;
        child.stdin.write(encodeFrame({ id: i, program: 'x'.repeat(PROGRAM_CHARS) }));
      });
      if (i > 0) ms.push(performance.now() - t0); // the first waits for the child to start
    }
  } finally {
    child.kill();
  }
  return median(ms);
}
