import type { Obs, Transition } from './types';

/** What the dataset table shows: one trajectory or all, terminal or not, a reward value or range. */
export interface DatasetFilter {
  /** `traj_start` of the trajectory to show, or null for all. */
  trajectory: number | null;
  terminal: 'all' | 'terminal' | 'non-terminal';
  /** Exact reward to show (when the dataset has few distinct rewards), or null. */
  reward: number | null;
  /** Reward range, for datasets with many distinct rewards; null bounds are open. */
  rewardMin: number | null;
  rewardMax: number | null;
}

/** The filter that shows every transition. */
export const NO_FILTER: DatasetFilter = { trajectory: null, terminal: 'all', reward: null, rewardMin: null, rewardMax: null };

/** One trajectory of a dataset: where it starts, its number (from 1) and how many steps it has. */
export interface Trajectory {
  start: number;
  number: number;
  length: number;
}

/** The trajectories of a dataset in recorded order (a dataset without `traj_start` is one trajectory). */
export function trajectoriesOf(transitions: readonly Transition[]): Trajectory[] {
  const out: Trajectory[] = [];
  for (const t of transitions) {
    const start = t.traj_start ?? 0;
    const last = out[out.length - 1];
    if (last && last.start === start) last.length++;
    else out.push({ start, number: out.length + 1, length: 1 });
  }
  return out;
}

/** The distinct rewards, sorted, or null when there are more than `max` (continuous rewards). */
export function distinctRewards(transitions: readonly Transition[], max = 12): number[] | null {
  const seen = new Set<number>();
  for (const t of transitions) {
    seen.add(t.reward);
    if (seen.size > max) return null;
  }
  return [...seen].sort((a, b) => a - b);
}

/** Indices (in recorded order) of the transitions that pass the filter. */
export function filterTransitions(transitions: readonly Transition[], filter: DatasetFilter): number[] {
  const out: number[] = [];
  transitions.forEach((t, i) => {
    if (filter.trajectory !== null && (t.traj_start ?? 0) !== filter.trajectory) return;
    if (filter.terminal === 'terminal' && !t.done) return;
    if (filter.terminal === 'non-terminal' && t.done) return;
    if (filter.reward !== null && t.reward !== filter.reward) return;
    if (filter.rewardMin !== null && t.reward < filter.rewardMin) return;
    if (filter.rewardMax !== null && t.reward > filter.rewardMax) return;
    out.push(i);
  });
  return out;
}

/** A compact text form of an observation or action for table cells: 4 significant digits. */
export function formatValue(value: Obs): string {
  if (Array.isArray(value)) return `[${value.map(formatNumber).join(', ')}]`;
  return formatNumber(value);
}

/** A number with at most 4 significant digits, integers as they are. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(4)).toString();
}
