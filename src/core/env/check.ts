import type { EnvSpec, Space, Transition } from './types';

/** Result of checking a transitions file against an environment. */
export type CheckResult = { ok: true; transitions: Transition[] } | { ok: false; error: string };

function expectedLength(space: Space): number | null {
  if (space.kind === 'discrete') return null;
  return space.kind === 'multi-discrete' ? space.nvec.length : space.shape[0];
}

function shapeProblem(value: unknown, space: Space, field: string): string | null {
  const length = expectedLength(space);
  if (length === null) {
    return typeof value === 'number' && Number.isFinite(value) ? null : `"${field}" must be a number for this environment`;
  }
  if (length === 1 && typeof value === 'number') return Number.isFinite(value) ? null : `"${field}" is not a finite number`;
  if (!Array.isArray(value)) return `"${field}" must be an array of ${length} numbers`;
  if (value.length !== length) return `"${field}" has ${value.length} elements; this environment has ${length}`;
  const bad = value.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  return bad < 0 ? null : `"${field}"[${bad}] is not a finite number`;
}

/**
 * Checks data in CWMB format (an array of `{state, action, next_state, reward, done}`) against
 * an environment's spaces. The error names the first bad transition and what to fix.
 */
export function checkTransitions(data: unknown, spec: Pick<EnvSpec, 'id' | 'observation' | 'action'>): CheckResult {
  if (!Array.isArray(data)) return { ok: false, error: 'expected a JSON array of transitions {state, action, next_state, reward, done}' };
  if (data.length === 0) return { ok: false, error: 'the transitions file is empty; record some with `cwm record`' };
  for (let i = 0; i < data.length; i++) {
    const t = data[i] as Record<string, unknown> | null;
    const at = `transition ${i}`;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return { ok: false, error: `${at} is not an object` };
    for (const key of ['state', 'action', 'next_state', 'reward', 'done']) {
      if (!(key in t)) return { ok: false, error: `${at} has no "${key}" field` };
    }
    const problem = shapeProblem(t.state, spec.observation, 'state') ?? shapeProblem(t.next_state, spec.observation, 'next_state') ?? shapeProblem(t.action, spec.action, 'action');
    if (problem) return { ok: false, error: `${at}: ${problem} (environment ${spec.id})` };
    if (typeof t.reward !== 'number' || !Number.isFinite(t.reward)) return { ok: false, error: `${at}: "reward" must be a finite number` };
    if (typeof t.done !== 'boolean') return { ok: false, error: `${at}: "done" must be true or false` };
    if ('truncated' in t && typeof t.truncated !== 'boolean') return { ok: false, error: `${at}: "truncated" must be true or false` };
  }
  return { ok: true, transitions: data as Transition[] };
}
