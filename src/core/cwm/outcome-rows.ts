import type { Action, Obs, Transition } from '../env/types';
import { outcomeKey } from './distribution';
import type { Prediction } from './types';

/** One bar pair of an outcome histogram: how often the program and the recording gave it. */
export interface OutcomeRow {
  key: string;
  /** e.g. "→ 4 · reward 0" or "ends · reward 1". */
  label: string;
  /** Fraction of the program's samples. */
  program: number;
  /** Fraction of the recorded transitions of this (state, action). */
  recorded: number;
}

/** A (state, action) of a dataset with how often it was recorded. */
export interface RecordedPair {
  state: Obs;
  action: Action;
  count: number;
}

const text = (v: Obs | Action) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
const same = (a: Obs | Action, b: Obs | Action) => text(a) === text(b);

/** The distinct (state, action) pairs of a dataset, most recorded first (then in recorded order). */
export function recordedPairs(transitions: readonly Transition[]): RecordedPair[] {
  const pairs = new Map<string, RecordedPair>();
  for (const t of transitions) {
    const key = `${text(t.state)}|${text(t.action)}`;
    const p = pairs.get(key);
    if (p) p.count++;
    else pairs.set(key, { state: t.state, action: t.action, count: 1 });
  }
  return [...pairs.values()].sort((a, b) => b.count - a.count);
}

/**
 * The outcomes of one (state, action): the program's sampled frequencies beside the recorded
 * ones, outcomes compared as the distributional score compares them, most frequent first.
 */
export function outcomeRows(transitions: readonly Transition[], pair: { state: Obs; action: Action }, sampled: readonly Prediction[]): OutcomeRow[] {
  const recorded = transitions.filter((t) => same(t.state, pair.state) && same(t.action, pair.action));
  const rows = new Map<string, OutcomeRow>();
  const row = (next: Obs, reward: number, done: boolean) => {
    const key = outcomeKey(next, reward, done);
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, label: done ? `ends · reward ${reward}` : `→ ${text(next)} · reward ${reward}`, program: 0, recorded: 0 }));
    return r;
  };
  for (const p of sampled) row(p.next_state, p.reward, p.done).program += 1 / sampled.length;
  for (const t of recorded) row(t.next_state, t.reward, t.done).recorded += 1 / recorded.length;
  return [...rows.values()].sort((a, b) => b.recorded - a.recorded || b.program - a.program);
}
