import { timeoutMessage } from '../core/cwm/run-candidate';
import { PlanningModelError } from '../core/plan/session';

/** Which planning request a reply answers, for the wording of its errors. */
export type PlanOp = 'plan-open' | 'act' | 'reset';

const DOING: Record<PlanOp, string> = { 'plan-open': 'loading the model', act: 'planning one action', reset: 'resetting the planner' };

/** The error of a planning request that ran past its limit: fatal, the realm is ended. */
export function planTimeout(op: PlanOp, timeoutMs: number): PlanningModelError {
  return new PlanningModelError(`${DOING[op]} ${timeoutMessage(timeoutMs)}; make step() fast and free of endless loops`, true);
}

/**
 * Reads a planning reply that crossed a message boundary: the action (still to be checked by
 * `checkAction`) or the model's error. A failed `plan-open` is fatal, a failed `act` is not (the
 * step falls back to a random action); anything malformed is fatal.
 */
export function readPlanReply(op: PlanOp, value: unknown): { ok: true; action?: unknown } | { ok: false; error: PlanningModelError } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.ok === true) return { ok: true, action: v.action };
  if (v.ok === false && typeof v.message === 'string') {
    let message = v.message.slice(0, 2000);
    if (message.startsWith('SyntaxError')) {
      const line = typeof v.line === 'number' && Number.isInteger(v.line) && v.line > 0 ? ` (line ${v.line})` : '';
      message += `${line}; fix the program so that it parses`;
    }
    return { ok: false, error: new PlanningModelError(message, op === 'plan-open') };
  }
  return { ok: false, error: new PlanningModelError('the planning worker sent a malformed answer; try again', true) };
}
