import { availableParallelism } from 'node:os';
import { parseRunnerReply, type RunnerReply } from '../../core/cwm/run-candidate';
import type { StructuredRunner } from '../../core/cwm/structured';
import type { CandidateRunner } from '../../core/cwm/types';
import { DatasetKeys } from '../dataset-keys';
import { runnerFront, type RunnerJob as Pending } from '../runner-front';
import { childLostMessage, startRunnerChild, type RunnerChild } from './child';

/** Options of the Node evaluator. */
export interface NodeRunnerOptions {
  /** Child processes running candidates in parallel; default: available cores − 1, at least 1. */
  poolSize?: number;
  /** Heap limit of each child; a program allocating past it is reported as a bug. */
  memoryLimitMb?: number;
  /** A child is replaced after this many candidates, so nothing accumulates. */
  recycleAfter?: number;
}

/**
 * A `CandidateRunner` (and `StructuredRunner`) on child processes; `close()` ends them all, and
 * `pids()` names the children alive now (which ones run candidates: for diagnostics and tests).
 */
export type NodeRunner = CandidateRunner & StructuredRunner & { close(): Promise<void>; pids(): number[] };

interface Slot {
  child: RunnerChild;
  keys: DatasetKeys;
  current: (Pending & { id: number }) | null;
  timer: ReturnType<typeof setTimeout> | null;
  served: number;
  /** The child has booted; a job's time limit starts only on a booted child. */
  ready: boolean;
  /** A candidate left something in the engine that burdens the next ones (health-source.ts). */
  spoiled: boolean;
}

/**
 * Runs candidate programs in long-lived child processes (see child.ts), each candidate in a fresh
 * SES compartment (src/sandbox/realm). A child still running a candidate when its time limit
 * expires is killed (it keeps no timer of its own), and so is one that crashes or runs out of
 * memory, and the candidate it was running gets the bug; each is replaced, and so is every child
 * after `recycleAfter` candidates or once a candidate left something in the engine that burdens
 * the next ones (see src/sandbox/realm/health-source.ts). Idle children are unref'd, so a
 * forgotten runner never keeps the process alive; `close()` ends them.
 */
export function createNodeRunner(options: NodeRunnerOptions = {}): NodeRunner {
  const size = Math.max(1, options.poolSize ?? availableParallelism() - 1);
  const memoryLimitMb = options.memoryLimitMb ?? 512;
  const recycleAfter = options.recycleAfter ?? 500;
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;
  let bootFailures = 0;

  function settle(slot: Slot, reply: RunnerReply): void {
    const pending = slot.current;
    if (slot.timer) clearTimeout(slot.timer);
    slot.current = null;
    slot.timer = null;
    slot.child.hold(false);
    pending?.settle(reply);
  }

  function retire(slot: Slot, reply: RunnerReply): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots[index] = null;
    slot.child.kill();
    settle(slot, reply);
    // A spoiled child's replacement boots at once, so the next job does not wait for it.
    if (slot.spoiled && index >= 0 && !closed && queue.length === 0) spawn(index);
    pump();
  }

  function spawn(index: number): Slot {
    const child = startRunnerChild({ memoryLimitMb });
    const slot: Slot = { child, keys: new DatasetKeys(), current: null, timer: null, served: 0, ready: false, spoiled: false };
    child.onMessage((message) => {
      if (message.op === 'ready') {
        slot.ready = true;
        bootFailures = 0;
        pump();
        if (!slot.current) slot.child.hold(false);
        return;
      }
      if (message.op === 'spoiled') {
        slot.spoiled = true;
        if (!slot.current) retire(slot, { kind: 'cancelled' });
        return;
      }
      if (!slot.current || message.id !== slot.current.id) return;
      const reply = message.crashed === true ? ({ kind: 'crashed', message: 'the evaluator failed; run the evaluation again' } as const) : parseRunnerReply(message);
      if (reply.kind === 'timeout' || reply.kind === 'crashed' || slot.spoiled || ++slot.served >= recycleAfter) retire(slot, reply);
      else {
        settle(slot, reply);
        pump();
      }
    });
    child.process.on('exit', () => {
      if (slots[index] !== slot) return;
      if (!slot.ready) {
        // The child never booted: not a candidate's doing. Try a new one once (the first may
        // have failed under the address-space limit, see child.ts); then say so to what waits.
        const failed = ++bootFailures >= 2;
        retire(slot, { kind: 'cancelled' });
        if (failed) {
          const why = child.stderr().trim().split('\n').pop() ?? '';
          for (const pending of queue.splice(0))
            pending.settle({ kind: 'crashed', message: `could not start the evaluator process${why ? ` (${why})` : ''}; check that this Node.js (20 or later) can start child processes` });
        }
        return;
      }
      // Give stderr a moment to arrive, so the bug can say "out of memory" when it was.
      setTimeout(() => retire(slot, { kind: 'crashed', message: childLostMessage(child.stderr(), memoryLimitMb) }), 20);
    });
    child.process.on('error', () => retire(slot, { kind: 'crashed', message: 'could not start the evaluator process; check that Node.js can start child processes here' }));
    // Booting keeps the process alive: a job is waiting for this child.
    slot.child.hold(true);
    slots[index] = slot;
    return slot;
  }

  function start(slot: Slot, pending: Pending): void {
    const id = nextId++;
    slot.current = { ...pending, id };
    slot.child.hold(true);
    if (!slot.keys.has(pending.key)) {
      slot.keys.add(pending.key);
      slot.child.send({ op: 'prepare', key: pending.key, inputs: pending.inputs });
    }
    const { timeoutMs, seed, samples } = pending.options;
    slot.timer = setTimeout(() => retire(slot, { kind: 'timeout', timeoutMs }), timeoutMs);
    slot.child.send({ op: pending.op, id, key: pending.key, program: pending.program, file: `candidate-${id}.js`, seed: seed ?? 0, samples: samples ?? 1 });
  }

  function pump(): void {
    if (closed) return;
    for (let i = 0; i < slots.length && queue.length > 0; i++) {
      const slot = slots[i] ?? spawn(i);
      if (!slot.current && slot.ready) start(slot, queue.shift()!);
    }
  }

  function cancel(pending: Pending): void {
    const queued = queue.indexOf(pending);
    if (queued >= 0) {
      queue.splice(queued, 1);
      pending.settle({ kind: 'cancelled' });
      return;
    }
    const slot = slots.find((s) => s?.current?.settle === pending.settle);
    if (slot) retire(slot, { kind: 'cancelled' });
  }

  const front = runnerFront((pending) => {
    if (closed) throw new Error('this evaluator was closed; create a new one with createNodeRunner()');
    queue.push(pending);
    pump();
  }, cancel);

  return {
    ...front,
    pids: () => slots.flatMap((slot) => (slot?.child.process.pid === undefined ? [] : [slot.child.process.pid])),
    async close(): Promise<void> {
      closed = true;
      for (const pending of queue.splice(0)) pending.settle({ kind: 'cancelled' });
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (!slot) continue;
        slots[i] = null;
        slot.child.kill();
        settle(slot, { kind: 'cancelled' });
      }
    },
  };
}
