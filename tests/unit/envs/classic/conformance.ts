import { expect } from 'vitest';
import { scoreTransition } from '../../../../src/core/cwm/metric';
import { checkTransitions } from '../../../../src/core/env/check';
import { recordTrajectories } from '../../../../src/core/env/record';
import type { EnvPack, Obs, Transition } from '../../../../src/core/env/types';

/** Outcome of replaying a dataset through a pack's reference simulator. */
export interface Conformance {
  total: number;
  /** Transitions whose prediction is fully correct under the tolerant metric. */
  matched: number;
  /** Transitions marked `truncated` (time-limit cut-offs). */
  cutoffs: number;
  /** Indices of transitions that are neither fully correct nor cut-offs. */
  failures: number[];
  /** Indices of cut-offs the simulator nonetheless predicted fully (should be none: CWMB says done). */
  matchedCutoffs: number[];
}

function copy(x: Obs): Obs {
  return Array.isArray(x) ? x.slice() : x;
}

/**
 * Loads a dataset of the pack by id, through the pack's own sources (never ../shared), and
 * checks it against the pack's spaces with the project's own validator.
 */
export async function loadDataset(pack: EnvPack, id: string): Promise<Transition[]> {
  const source = pack.datasets.find((d) => d.id === id);
  if (!source) throw new Error(`${pack.spec.id} has no "${id}" dataset`);
  const data = await source.load();
  const check = checkTransitions(data, pack.spec);
  expect(check.ok ? null : check.error).toBeNull();
  return data;
}

/** Replays every transition: setState(copy of state), step(action), compare tolerantly. */
export function replay(pack: EnvPack, transitions: readonly Transition[]): Conformance {
  const sim = pack.createSimulator!();
  const out: Conformance = { total: transitions.length, matched: 0, cutoffs: 0, failures: [], matchedCutoffs: [] };
  transitions.forEach((t, i) => {
    sim.setState(copy(t.state));
    const [next_state, reward, done] = sim.step(copy(t.action));
    const s = scoreTransition({ next_state, reward, done }, t, pack.spec.stateComparison, 'tolerant');
    if (s.full) out.matched++;
    if (t.truncated) {
      out.cutoffs++;
      if (s.full) out.matchedCutoffs.push(i);
    } else if (!s.full) {
      out.failures.push(i);
    }
  });
  return out;
}

/** Splits a dataset into its trajectories, by `traj_start`. */
export function trajectories(transitions: readonly Transition[]): Transition[][] {
  const out: Transition[][] = [];
  transitions.forEach((t, i) => {
    if (i === 0 || t.traj_start !== transitions[i - 1].traj_start) out.push([]);
    out[out.length - 1].push(t);
  });
  return out;
}

/**
 * Checks recorded data: trajectories chain (each next_state is the following state), `done`
 * only on a last transition whose next state satisfies `terminal`, `truncated` only on the last
 * transition of a trajectory exactly as long as the episode limit, and never both.
 */
export function expectWellFormedRecording(pack: EnvPack, data: readonly Transition[], terminal: (next: number[]) => boolean): void {
  const limit = pack.spec.episodeLimit!;
  const trajs = trajectories(data);
  expect(trajs.length).toBe(10);
  let start = 0;
  for (const traj of trajs) {
    expect(traj[0].traj_start).toBe(start);
    start += traj.length;
    expect(traj.length).toBeLessThanOrEqual(limit);
    traj.forEach((t, j) => {
      const last = j === traj.length - 1;
      if (!last) {
        expect(t.done).toBe(false);
        expect(t.truncated).toBeUndefined();
        expect(traj[j + 1].state).toEqual(t.next_state);
      }
      expect(t.done).toBe(terminal(t.next_state as number[]));
    });
    // A trajectory ends by termination, or by the time limit (marked truncated, never both).
    const end = traj[traj.length - 1];
    if (end.done) expect(end.truncated).toBeUndefined();
    else {
      expect(traj.length).toBe(limit);
      expect(end.truncated).toBe(true);
    }
  }
}

/** Same seed → identical data; different seed → different data. */
export function expectDeterministicRecording(pack: EnvPack): void {
  const a = recordTrajectories(pack, 3, 4);
  const b = recordTrajectories(pack, 3, 4);
  const c = recordTrajectories(pack, 4, 4);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
}

/**
 * Asserts two datasets are identical, naming the first differing transition (a deep-equality
 * diff of thousands of transitions is too slow to print).
 */
export function expectSameData(actual: readonly Transition[], expected: readonly Transition[]): void {
  const n = Math.max(actual.length, expected.length);
  let first = -1;
  for (let i = 0; i < n && first < 0; i++) if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) first = i;
  expect({ length: actual.length, firstDifference: first }).toEqual({ length: expected.length, firstDifference: -1 });
}

/** One step of a fresh simulator from `state`. */
export function stepFrom(pack: EnvPack, state: number[], action: number | number[]): [number[], number, boolean] {
  const sim = pack.createSimulator!();
  sim.setState(state.slice());
  const [next, reward, done] = sim.step(action);
  return [next as number[], reward, done];
}
