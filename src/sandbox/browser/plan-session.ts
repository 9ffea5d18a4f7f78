import type { Action, Obs } from '../../core/env/types';
import { encodeObs } from '../../core/plan/obs-text';
import { PlanningModelError, type ModelSession, type OpenModelSession } from '../../core/plan/session';
import { planTimeout, readPlanReply, type PlanOp } from '../plan-reply';
import { isolatedHost } from './frame';

/**
 * Opens a model session in a runner worker of its own in the isolated host (a session runs for
 * minutes, so it gets the host where exhausting memory cannot take the tab down, and its one hop
 * per planned action costs nothing next to the thousands of model steps behind it): the candidate
 * in a compartment and the planner beside it, so model steps are plain calls, while the real
 * environment and the returns stay in the page. A request past its limit ends the worker (a fatal
 * error); so does closing the session.
 */
export const openBrowserModelSession: OpenModelSession = async (program, config, { timeoutMs }) => {
  const box = await isolatedHost();
  let dead: PlanningModelError | null = null;
  let pending: { id: number; op: PlanOp; resolve: (v: unknown) => void; reject: (e: PlanningModelError) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  const fail = (error: PlanningModelError) => {
    dead ??= error;
    box.kill(wid);
    port.close();
    const p = pending;
    pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  };
  const { wid, port } = await box.spawn((message) => fail(new PlanningModelError(`the planning worker failed: ${message}`, true)));
  let nextId = 1;
  port.onmessage = (event: MessageEvent) => {
    const data = event.data as { id?: unknown } | null;
    if (!pending || data?.id !== pending.id) return;
    const p = pending;
    pending = null;
    clearTimeout(p.timer);
    const read = readPlanReply(p.op, data);
    if (read.ok) return p.resolve(read.action);
    if (read.error.fatal && p.op !== 'plan-open') fail(read.error);
    p.reject(read.error);
  };

  function request(op: PlanOp, fields: Record<string, unknown>): Promise<unknown> {
    if (dead) return Promise.reject(dead);
    if (pending) return Promise.reject(new PlanningModelError('a planning request is already running; await it first', false));
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      pending = { id, op, resolve, reject, timer: setTimeout(() => fail(planTimeout(op, timeoutMs)), timeoutMs) };
      port.postMessage({ op, id, ...fields });
    });
  }

  const close = async () => {
    if (!dead) fail(new PlanningModelError('the planning session was closed', true));
  };
  try {
    await request('plan-open', { program, file: 'candidate.js', config: JSON.stringify(config), seed: config.seed });
  } catch (error) {
    await close();
    throw error;
  }
  const session: ModelSession = {
    act: (obs: Obs) => request('act', { obs: encodeObs(obs) }) as Promise<Action>,
    reset: async () => {
      await request('reset', {});
    },
    close,
  };
  return session;
};
