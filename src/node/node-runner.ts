import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HARNESS_SOURCE, wrapProgram } from '../core/cwm/harness';
import { decodeReply, encodeInputs, parseRunnerReply, type RunnerJob, type RunnerReply } from '../core/cwm/run-candidate';
import type { CandidateRunner, RunOutcome, TransitionInput } from '../core/cwm/types';
import { NODE_WORKER_SOURCE } from './worker-source';

/** Options of the Node evaluator. */
export interface NodeRunnerOptions {
  /** Worker threads running candidates in parallel; default: available cores − 1, at least 1. */
  poolSize?: number;
  /** Heap limit of each thread; a program allocating past it is reported as a bug. */
  memoryLimitMb?: number;
  /** Extra wall-clock time before a thread stuck past vm's own timeout is terminated. */
  graceMs?: number;
}

/** A `CandidateRunner` on Node worker threads; `close()` ends every thread. */
export type NodeRunner = CandidateRunner & { close(): Promise<void> };

interface Pending {
  job: RunnerJob;
  settle: (reply: RunnerReply) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: ReturnType<typeof setTimeout> | null;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('the evaluation was cancelled');
}

/**
 * Runs candidate programs in `worker_threads` threads, each candidate in a fresh `vm` context
 * (DESIGN.md section 8): vm's `timeout` stops runaway code, and a thread that does not come back
 * within the limit plus a grace period is terminated and replaced. Idle threads are unref'd, so a
 * forgotten runner never keeps the process alive; `close()` terminates them all.
 */
export function createNodeRunner(options: NodeRunnerOptions = {}): NodeRunner {
  const size = Math.max(1, options.poolSize ?? availableParallelism() - 1);
  const memoryLimitMb = options.memoryLimitMb ?? 512;
  const graceMs = options.graceMs ?? 1000;
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function finish(slot: Slot, reply: RunnerReply): void {
    const pending = slot.current;
    if (slot.timer) clearTimeout(slot.timer);
    slot.current = null;
    slot.timer = null;
    slot.worker.unref();
    pending?.settle(reply);
    pump();
  }

  function retire(slot: Slot, reply: RunnerReply): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots[index] = null;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {}); // a terminating thread may still report; nobody listens
    void slot.worker.terminate();
    finish(slot, reply);
  }

  function spawn(index: number): Slot {
    const worker = new Worker(NODE_WORKER_SOURCE, {
      eval: true,
      workerData: { harness: HARNESS_SOURCE },
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 32 },
      env: {}, // nothing of ours for a program that escaped vm to read
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    const slot: Slot = { worker, current: null, timer: null };
    worker.on('message', (message: { id: number; reply: RunnerReply }) => {
      if (slot.current && message.id === slot.current.job.id) finish(slot, parseRunnerReply(message.reply));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory (over ${memoryLimitMb} MB); do not allocate unbounded arrays or objects`
          : `the evaluator thread failed: ${error.message}`;
      retire(slot, { kind: 'crashed', message });
    });
    worker.on('exit', () => {
      if (slots[index] === slot) retire(slot, { kind: 'crashed', message: 'the evaluator thread exited unexpectedly' });
    });
    worker.unref();
    slots[index] = slot;
    return slot;
  }

  function pump(): void {
    if (closed) return;
    for (let i = 0; i < slots.length && queue.length > 0; i++) {
      const slot = slots[i] ?? spawn(i);
      if (slot.current) continue;
      const pending = queue.shift()!;
      slot.current = pending;
      slot.worker.ref();
      // The backstop: vm's timeout cannot interrupt everything (e.g. one huge native call).
      slot.timer = setTimeout(() => retire(slot, { kind: 'timeout', timeoutMs: pending.job.timeoutMs }), pending.job.timeoutMs + graceMs);
      slot.worker.postMessage(pending.job);
    }
  }

  function cancel(pending: Pending): void {
    const queued = queue.indexOf(pending);
    if (queued >= 0) {
      queue.splice(queued, 1);
      pending.settle({ kind: 'cancelled' });
      return;
    }
    const slot = slots.find((s) => s?.current === pending);
    if (slot) retire(slot, { kind: 'cancelled' });
  }

  return {
    run(program: string, inputs: TransitionInput[], { timeoutMs, signal }): Promise<RunOutcome> {
      if (closed) return Promise.reject(new Error('this evaluator was closed; create a new one with createNodeRunner()'));
      if (signal?.aborted) return Promise.reject(abortError(signal));
      return new Promise<RunOutcome>((resolve, reject) => {
        const onAbort = () => cancel(pending);
        const pending: Pending = {
          job: { id: nextId++, program: wrapProgram(program), inputs: encodeInputs(inputs), timeoutMs },
          settle: (reply) => {
            signal?.removeEventListener('abort', onAbort);
            if (reply.kind === 'cancelled' && signal?.aborted) reject(abortError(signal));
            else resolve(decodeReply(reply));
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(pending);
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const pending of queue.splice(0)) pending.settle({ kind: 'cancelled' });
      await Promise.all(
        slots.map(async (slot, i) => {
          if (!slot) return;
          slots[i] = null;
          slot.worker.removeAllListeners();
          slot.worker.on('error', () => {});
          if (slot.timer) clearTimeout(slot.timer);
          slot.current?.settle({ kind: 'cancelled' });
          await slot.worker.terminate();
        }),
      );
    },
  };
}
