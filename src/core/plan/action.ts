import type { Action, Space } from '../env/types';

/**
 * An action that came out of a candidate's realm, checked before it touches the real
 * environment: an integer in [0, n) for a discrete space, else exactly `shape[0]` finite numbers
 * within the box. Returns the action as a fresh plain value, or a sentence saying what was wrong.
 */
export function checkAction(value: unknown, space: Space): { ok: true; action: Action } | { ok: false; error: string } {
  if (space.kind === 'discrete') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < space.n) return { ok: true, action: value };
    return { ok: false, error: `the planner returned ${describe(value)}; expected an integer action in [0, ${space.n - 1}]` };
  }
  if (space.kind === 'box') {
    const n = space.shape[0];
    if (!Array.isArray(value) || value.length !== n) return { ok: false, error: `the planner returned ${describe(value)}; expected an array of ${n} numbers` };
    const action: number[] = [];
    for (let i = 0; i < n; i++) {
      const x: unknown = value[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < space.low[i] || x > space.high[i]) {
        return { ok: false, error: `element ${i} of the planned action is ${describe(x)}; expected a number in [${space.low[i]}, ${space.high[i]}]` };
      }
      action.push(x);
    }
    return { ok: true, action };
  }
  return { ok: false, error: 'planning over multi-discrete actions is not supported' };
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} elements`;
  return value === null ? 'null' : typeof value;
}
