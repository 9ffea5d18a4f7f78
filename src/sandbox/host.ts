import type * as ComlinkModule from 'comlink';
import type { RunnerJob, RunnerReply } from '../core/cwm/run-candidate';
import type { SandboxApi } from './contract';

// Comlink's UMD build, inlined into the iframe document before this function (see srcdoc.ts).
declare const Comlink: typeof ComlinkModule;

/** What the page bakes into the iframe document. */
export interface HostConfig {
  workerSource: string;
  /** Workers kept warm; 0 means hardwareConcurrency − 1, at least 1. */
  poolSize: number;
  readyMessage: string;
}

/**
 * The program of the sandbox iframe: a pool of warm evaluator workers behind a comlink API.
 * It is injected into the iframe document as `(${sandboxHost})(config)`, so it must not refer to
 * anything outside its own body except the globals of the iframe and `Comlink`.
 *
 * Each worker runs one candidate and is then terminated, and a replacement is started at once in
 * the background: every candidate gets a fresh realm without waiting for one. A job that outlives
 * its wall-clock limit gets its worker terminated and the bug "timed out"; queued jobs go on.
 */
export function sandboxHost(config: HostConfig): void {
  interface Task {
    job: RunnerJob;
    settle: (reply: RunnerReply) => void;
  }
  interface Running {
    task: Task;
    worker: Worker;
    nonce: string;
    timer: ReturnType<typeof setTimeout>;
  }

  const workerUrl = URL.createObjectURL(new Blob([config.workerSource], { type: 'text/javascript' }));
  const size = config.poolSize > 0 ? config.poolSize : Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
  const idle: Worker[] = [];
  // The inputs text of the latest job and the workers that already parsed it: a search scores
  // every candidate on the same dataset, so fresh workers prepare it while they wait.
  let lastInputs: string | null = null;
  const prepared = new WeakSet<Worker>();
  const queue: Task[] = [];
  const running = new Map<number, Running>();

  function spawn(): void {
    const worker = new Worker(workerUrl);
    if (lastInputs !== null) {
      worker.postMessage({ prepare: true, inputs: lastInputs });
      prepared.add(worker);
    }
    idle.push(worker);
  }

  function nonce(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // Chromium reports no location for a syntax error met by importScripts; a throwaway worker
  // whose script throws before the candidate's first statement does report it (and runs nothing).
  function syntaxLine(program: string): Promise<number | undefined> {
    return new Promise((resolve) => {
      const url = URL.createObjectURL(new Blob(['throw 0;' + program], { type: 'text/javascript' }));
      const checker = new Worker(url);
      const done = (line: number | undefined) => {
        clearTimeout(timer);
        checker.terminate();
        URL.revokeObjectURL(url);
        resolve(line);
      };
      const timer = setTimeout(() => done(undefined), 2000);
      checker.onerror = (event) => {
        event.preventDefault();
        const isSyntax = typeof event.message === 'string' && event.message.includes('SyntaxError');
        done(isSyntax && event.lineno > 0 ? event.lineno : undefined);
      };
    });
  }

  function finish(id: number, reply: RunnerReply, keepWorker = false): void {
    const run = running.get(id);
    if (!run) return;
    running.delete(id);
    clearTimeout(run.timer);
    if (!keepWorker) run.worker.terminate();
    spawn(); // the replacement warms up while the page handles this reply
    run.task.settle(reply);
    pump();
  }

  async function onReply(id: number, data: unknown): Promise<void> {
    const run = running.get(id);
    if (!run) return;
    const message = data as { nonce?: unknown; text?: unknown; loading?: unknown } | null;
    if (!message || message.nonce !== run.nonce || typeof message.text !== 'string') {
      finish(id, { kind: 'forged' });
      return;
    }
    const reply: RunnerReply = { kind: 'finished', text: message.text, loading: message.loading === true };
    run.worker.terminate();
    if (reply.loading && message.text.includes('"syntax":true')) {
      clearTimeout(run.timer);
      reply.syntaxLine = await syntaxLine(run.task.job.program);
    }
    finish(id, reply, true);
  }

  function start(task: Task, worker: Worker): void {
    const id = task.job.id;
    const run: Running = {
      task,
      worker,
      nonce: nonce(),
      timer: setTimeout(() => finish(id, { kind: 'timeout', timeoutMs: task.job.timeoutMs }), task.job.timeoutMs),
    };
    running.set(id, run);
    worker.onmessage = (event) => void onReply(id, event.data);
    worker.onmessageerror = () => finish(id, { kind: 'forged' });
    worker.onerror = (event) => {
      event.preventDefault();
      finish(id, { kind: 'crashed', message: `the evaluator worker failed: ${event.message || 'unknown error'}` });
    };
    const ready = prepared.has(worker) && task.job.inputs === lastInputs;
    lastInputs = task.job.inputs;
    worker.postMessage({ nonce: run.nonce, program: task.job.program, inputs: ready ? undefined : task.job.inputs });
  }

  function pump(): void {
    while (queue.length > 0 && running.size < size) {
      if (idle.length === 0) spawn();
      start(queue.shift()!, idle.shift()!);
    }
  }

  const api: SandboxApi = {
    run(job) {
      return new Promise<RunnerReply>((settle) => {
        queue.push({ job, settle });
        pump();
      });
    },
    cancel(id) {
      const queued = queue.findIndex((t) => t.job.id === id);
      if (queued >= 0) queue.splice(queued, 1)[0].settle({ kind: 'cancelled' });
      else finish(id, { kind: 'cancelled' });
    },
    poolSize: () => size,
  };

  for (let i = 0; i < size; i++) spawn();
  const channel = new MessageChannel();
  Comlink.expose(api, channel.port1);
  // The page checks that this message comes from this iframe (event.source) before using the port.
  parent.postMessage({ type: config.readyMessage }, '*', [channel.port2]);
}
