import { Worker } from 'node:worker_threads';
import { wrapProgram } from '../core/cwm/harness';
import { timeoutMessage } from '../core/cwm/run-candidate';
import type { Action, Obs } from '../core/env/types';
import type { PlannerConfig } from '../core/plan/params';
import { encodeObs, guardProgram, parseGlueReply, PLAN_GLUE_SOURCE, plannerRealmSource } from '../core/plan/realm';
import { PlanningModelError, type ModelSession, type OpenModelSession } from '../core/plan/session';
import { PLAN_WORKER_SOURCE } from './plan-worker';

/** Options of a Node planning session. */
export interface NodeSessionOptions {
  timeoutMs: number;
  /** Heap limit of the thread; a model allocating past it fails the session. */
  memoryLimitMb?: number;
  /** Extra wall-clock time before a thread stuck past vm's own timeout is terminated. */
  graceMs?: number;
}

type Reply = { text?: unknown; timeout?: boolean };

/**
 * Opens a model session on a Node worker thread: the candidate and the planner share one fresh
 * `vm` context (see plan-worker.ts), so model steps are plain calls, while the real environment
 * and the returns stay here. Every call has vm's timeout plus a wall-clock backstop that
 * terminates the thread; after a timeout or crash the session is dead (fatal errors).
 */
export const openNodeModelSession: OpenModelSession = (program, config, options) => openNodeSession(program, config, options);

/** `openNodeModelSession` with the thread's limits settable. */
export async function openNodeSession(program: string, config: PlannerConfig, options: NodeSessionOptions): Promise<ModelSession> {
  const { timeoutMs } = options;
  const memoryLimitMb = options.memoryLimitMb ?? 512;
  const graceMs = options.graceMs ?? 1000;
  const worker = new Worker(PLAN_WORKER_SOURCE, {
    eval: true,
    workerData: { glue: PLAN_GLUE_SOURCE, runtime: plannerRealmSource(), program: guardProgram(wrapProgram(program)), config: JSON.stringify(config) },
    resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 32 },
    env: {}, // nothing of ours for a program that escaped vm to read
    execArgv: [],
    stdout: true,
    stderr: true,
  });
  worker.unref();
  let dead: PlanningModelError | null = null;
  let nextId = 1;
  let pending: { id: number; settle: (reply: Reply | PlanningModelError) => void; timer: ReturnType<typeof setTimeout> } | null = null;

  const kill = (error: PlanningModelError) => {
    dead ??= error;
    worker.removeAllListeners();
    worker.on('error', () => {}); // a terminating thread may still report; nobody listens
    void worker.terminate();
    const p = pending;
    pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.settle(error);
    }
  };
  worker.on('message', (message: { id: number } & Reply) => {
    if (!pending || message.id !== pending.id) return;
    const p = pending;
    pending = null;
    clearTimeout(p.timer);
    worker.unref();
    p.settle(message);
  });
  worker.on('error', (error: Error & { code?: string }) => {
    const why = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (over ${memoryLimitMb} MB) while planning; do not allocate unbounded arrays or objects` : `the planning thread failed: ${error.message}`;
    kill(new PlanningModelError(why, true));
  });
  worker.on('exit', () => kill(new PlanningModelError('the planning thread exited unexpectedly', true)));

  // One request at a time: the planner is sequential, and an answer must match its question.
  function request(op: 'start' | 'act' | 'reset', text?: string): Promise<unknown> {
    if (dead) return Promise.reject(dead);
    if (pending) return Promise.reject(new PlanningModelError('a planning request is already running; await it first', false));
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => kill(new PlanningModelError(`${op === 'act' ? 'planning one action' : 'loading the model'} ${timeoutMessage(timeoutMs)}`, true)), timeoutMs + graceMs);
      pending = {
        id,
        timer,
        settle: (reply) => {
          if (reply instanceof PlanningModelError) return reject(reply);
          if (reply.timeout) {
            const error = new PlanningModelError(`${op === 'act' ? 'planning one action' : op === 'start' ? 'loading the model' : 'resetting the planner'} ${timeoutMessage(timeoutMs)}; make step() fast and free of endless loops`, true);
            kill(error);
            return reject(error);
          }
          const parsed = parseGlueReply(reply.text);
          if (!parsed.ok) return reject(new PlanningModelError(parsed.message, op === 'start'));
          resolve(parsed.action);
        },
      };
      worker.ref();
      worker.postMessage({ id, op, text, timeoutMs });
    });
  }

  try {
    await request('start');
  } catch (error) {
    kill(error instanceof PlanningModelError ? error : new PlanningModelError(String(error), true));
    throw error;
  }
  return {
    act: (obs: Obs) => request('act', encodeObs(obs)) as Promise<Action>,
    reset: async () => {
      await request('reset');
    },
    close: async () => {
      if (!dead) kill(new PlanningModelError('the planning session was closed', true));
    },
  };
}
