import type { Action, Obs, Space, Transition } from '../types';
import type { Rng } from '../../rng';
import { sampleAction } from '../record';

/** One step of a user's simulator as the sandbox reports it. */
export type SimulatorStep = { ok: true; outcome: [Obs, number, boolean] } | { ok: false; bug: string };

/** What to record: where each episode starts, which actions exist, how many steps in all. */
export interface RandomPolicyOptions {
  initial: Obs;
  action: Space;
  steps: number;
  /** Cut an episode off after this many steps (marked `truncated`); none by default. */
  episodeLimit?: number;
}

/**
 * Records transitions of a user-written simulator under a uniformly random policy, deterministic
 * per RNG: every episode starts from `initial` (the simulator's state is set before each step, as
 * the metric does, so no `reset` call is needed), and ends at `done` or at the episode limit.
 * `step` runs the untrusted simulator in the sandbox; its first failure stops the recording with a
 * message naming the step, and the transitions recorded so far are kept.
 */
export async function recordRandomPolicy(
  step: (state: Obs, action: Action) => Promise<SimulatorStep>,
  options: RandomPolicyOptions,
  rng: Rng,
): Promise<{ transitions: Transition[]; error: string | null }> {
  const transitions: Transition[] = [];
  const copy = (o: Obs): Obs => (Array.isArray(o) ? o.slice() : o);
  let state = copy(options.initial);
  let trajStart = 0;
  for (let i = 0; i < options.steps; i++) {
    const action = sampleAction(options.action, rng);
    const result = await step(copy(state), Array.isArray(action) ? action.slice() : action);
    if (!result.ok) return { transitions, error: `Your simulator failed at step ${i} (episode starting at step ${trajStart}): ${result.bug}. Fix it in the editor and record again.` };
    const [next, reward, done] = result.outcome;
    const t: Transition = { state: copy(state), action, next_state: copy(next), reward, done, traj_start: trajStart };
    const cut = !done && options.episodeLimit !== undefined && i + 1 - trajStart >= options.episodeLimit;
    if (cut) t.truncated = true;
    transitions.push(t);
    if (done || cut) {
      state = copy(options.initial);
      trajStart = i + 1;
    } else {
      state = copy(next);
    }
  }
  return { transitions, error: null };
}

/**
 * Reads the action space typed in the editor: a whole number n for Discrete(n), or a JSON box
 * `{"low": [...], "high": [...]}`. Returns a message saying the accepted forms otherwise.
 */
export function parseActionSpace(text: string): Space | string {
  const t = text.trim();
  if (/^\d+$/.test(t) && Number(t) >= 1) return { kind: 'discrete', n: Number(t) };
  try {
    const box = JSON.parse(t) as { low?: unknown; high?: unknown };
    const ok = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (ok(box.low) && ok(box.high) && box.low.length === box.high.length && box.low.every((l, i) => l <= (box.high as number[])[i])) {
      return { kind: 'box', shape: [box.low.length], low: box.low, high: box.high };
    }
  } catch {
    // falls through to the message below
  }
  return `"${t.slice(0, 40)}" is not an action space. Type a whole number n for n discrete actions (0…n−1), or {"low": [-1], "high": [1]} for continuous actions.`;
}

/** Reads a start state typed as JSON: a number or a list of numbers. */
export function parseStartState(text: string): Obs | string {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x))) return v as number[];
  } catch {
    // falls through to the message below
  }
  return `"${text.trim().slice(0, 40)}" is not a start state. Type a number, or a list of numbers like [0, 0.5].`;
}
