import type { Action, Obs } from '../../core/env/types';
import type { PlannerConfig } from '../../core/plan/params';
import { encodeObs } from '../../core/plan/obs-text';
import { PlanningModelError, type ModelSession, type OpenModelSession } from '../../core/plan/session';
import { planTimeout, readPlanReply, type PlanOp } from '../plan-reply';
import { bootedRunnerChild, childLostMessage } from './child';

/** Options of a Node planning session. */
export interface NodeSessionOptions {
  timeoutMs: number;
  /** Heap limit of the child; a model allocating past it fails the session. */
  memoryLimitMb?: number;
  /** Seed of the model's `Math.random` (reseeded before every model step). */
  seed?: number;
}

/**
 * Opens a model session in a runner child of its own (see child.ts): the candidate lives in a
 * compartment and the planner beside it, so model steps are plain calls, while the real
 * environment and the returns stay here. After a timeout or crash the session is dead.
 */
export const openNodeModelSession: OpenModelSession = (program, config, options) => openNodeSession(program, config, options);

/** `openNodeModelSession` with the child's limits settable. */
export async function openNodeSession(program: string, config: PlannerConfig, options: NodeSessionOptions): Promise<ModelSession> {
  const { timeoutMs } = options;
  const memoryLimitMb = options.memoryLimitMb ?? 512;
  // Booted before any clock starts: a request's limit counts the model's time only.
  const child = await bootedRunnerChild({ memoryLimitMb }).catch((error: unknown) => {
    throw new PlanningModelError(error instanceof Error ? error.message : String(error), true);
  });
  const proc = child.process;
  child.hold(false);
  let dead: PlanningModelError | null = null;
  let nextId = 1;
  let pending: { id: number; op: PlanOp; settle: (reply: unknown) => void; fail: (error: PlanningModelError) => void; timer: ReturnType<typeof setTimeout> } | null = null;

  const kill = (error: PlanningModelError) => {
    dead ??= error;
    child.kill();
    const p = pending;
    pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.fail(error);
    }
  };
  child.onMessage((message) => {
    if (!pending || message.id !== pending.id) return;
    const p = pending;
    pending = null;
    clearTimeout(p.timer);
    child.hold(false);
    p.settle(message);
  });
  proc.on('exit', () => setTimeout(() => kill(new PlanningModelError(childLostMessage(child.stderr(), memoryLimitMb), true)), 20));

  // One request at a time: the planner is sequential, and an answer must match its question.
  function request(op: PlanOp, fields: Record<string, unknown>): Promise<unknown> {
    if (dead) return Promise.reject(dead);
    if (pending) return Promise.reject(new PlanningModelError('a planning request is already running; await it first', false));
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => kill(planTimeout(op, timeoutMs)), timeoutMs);
      pending = {
        id,
        op,
        timer,
        fail: reject,
        settle: (reply) => {
          const read = readPlanReply(op, reply);
          if (read.ok) return resolve(read.action);
          if (read.error.fatal && op !== 'plan-open') kill(read.error);
          reject(read.error);
        },
      };
      child.hold(true);
      child.send({ op, id, ...fields });
    });
  }

  try {
    await request('plan-open', { program, file: 'candidate.js', config: JSON.stringify(config), seed: options.seed ?? config.seed });
  } catch (error) {
    kill(error instanceof PlanningModelError ? error : new PlanningModelError(String(error), true));
    throw error;
  }
  return {
    act: (obs: Obs) => request('act', { obs: encodeObs(obs) }) as Promise<Action>,
    reset: async () => {
      await request('reset', {});
    },
    close: async () => {
      if (!dead) kill(new PlanningModelError('the planning session was closed', true));
    },
  };
}
