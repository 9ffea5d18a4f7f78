import type { Obs, StateComparison, Transition } from '../env/types';
import type { Prediction } from './types';

/** Additive smoothing of the program's empirical outcome distribution. */
export const SMOOTHING = 0.5;

/** How well a stochastic program's sampled outcomes explain the recorded ones. */
export interface DistributionScore {
  /** Samples drawn per recorded transition. */
  samples: number;
  /**
   * In [0, 1], higher is better. Exact-state worlds: exp(mean log-likelihood), the geometric mean
   * of the probabilities the program gives the recorded outcomes. Tolerant-state worlds:
   * exp(−mean normalized CRPS) × the mean fraction of samples whose `done` matches.
   */
  score: number;
  /** Exact-state worlds: mean log-likelihood of the recorded outcomes, in nats. */
  logLikelihood: number | null;
  /**
   * Exact-state worlds: total variation distance between the program's outcome frequencies and
   * the recorded ones, averaged over (state, action) pairs recorded at least twice, weighted by
   * how often each was recorded; null when no pair repeats.
   */
  tv: number | null;
  /** (state, action) pairs recorded at least twice. */
  repeatedPairs: number;
  /** Tolerant-state worlds: mean CRPS over next-state elements and the reward. */
  crps: number | null;
}

const valueKey = (v: Obs | number) => (Array.isArray(v) ? v.join(',') : String(v));

/** The outcome of a step as the metric sees it: a terminal step's next state is not compared. */
export function outcomeKey(next: Obs, reward: number, done: boolean): string {
  return done ? `T|${reward}` : `N|${reward}|${valueKey(next)}`;
}

interface Group {
  /** Outcome counts over all samples of the group's transitions. */
  sampled: Map<string, number>;
  total: number;
  /** Recorded outcome counts. */
  recorded: Map<string, number>;
  n: number;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Scores `samples[i]` (K predictions of transition i, sampled with different seeds) against the
 * recorded transitions. Transitions with the same (state, action) pool their samples: the
 * program's distribution for that pair is estimated from K × (times it was recorded) draws.
 */
export function scoreDistribution(transitions: readonly Transition[], samples: readonly Prediction[][], comparison: StateComparison): DistributionScore {
  const k = samples[0]?.length ?? 0;
  if (comparison === 'tolerant') return continuousScore(transitions, samples, k);
  const groups = new Map<string, Group>();
  const keys = transitions.map((t) => `${valueKey(t.state)}|${valueKey(t.action)}`);
  transitions.forEach((t, i) => {
    let g = groups.get(keys[i]);
    if (!g) groups.set(keys[i], (g = { sampled: new Map(), total: 0, recorded: new Map(), n: 0 }));
    for (const p of samples[i]) count(g.sampled, outcomeKey(p.next_state, p.reward, p.done));
    g.total += samples[i].length;
    count(g.recorded, outcomeKey(t.next_state, t.reward, t.done));
    g.n++;
  });
  let logSum = 0;
  transitions.forEach((t, i) => {
    const g = groups.get(keys[i])!;
    const c = g.sampled.get(outcomeKey(t.next_state, t.reward, t.done)) ?? 0;
    logSum += Math.log((c + SMOOTHING) / (g.total + SMOOTHING * (g.sampled.size + 1)));
  });
  let tvSum = 0;
  let tvWeight = 0;
  let repeatedPairs = 0;
  for (const g of groups.values()) {
    if (g.n < 2) continue;
    repeatedPairs++;
    const outcomes = new Set([...g.sampled.keys(), ...g.recorded.keys()]);
    let tv = 0;
    for (const o of outcomes) tv += Math.abs((g.sampled.get(o) ?? 0) / g.total - (g.recorded.get(o) ?? 0) / g.n);
    tvSum += (tv / 2) * g.n;
    tvWeight += g.n;
  }
  const logLikelihood = transitions.length ? logSum / transitions.length : 0;
  return { samples: k, score: Math.exp(logLikelihood), logLikelihood, tv: tvWeight ? tvSum / tvWeight : null, repeatedPairs, crps: null };
}

/** CRPS of a sample set against one value: E|X − y| − ½ E|X − X′|. */
export function crps(xs: readonly number[], y: number): number {
  let spread = 0;
  let miss = 0;
  for (const x of xs) {
    miss += Math.abs(x - y);
    for (const z of xs) spread += Math.abs(x - z);
  }
  return miss / xs.length - spread / (2 * xs.length * xs.length);
}

function continuousScore(transitions: readonly Transition[], samples: readonly Prediction[][], k: number): DistributionScore {
  const width = (t: Transition) => (Array.isArray(t.next_state) ? t.next_state.length : 1) + 1;
  const columns = Math.max(0, ...transitions.map(width));
  // Each element's CRPS is divided by the mean absolute deviation of that element in the data, so
  // elements of different scales count alike.
  const recorded = (t: Transition) => [...(Array.isArray(t.next_state) ? t.next_state : [t.next_state]), t.reward];
  const rows = transitions.map(recorded);
  const scale = Array.from({ length: columns }, (_, j) => {
    const xs = rows.map((r) => r[j]).filter((x) => x !== undefined);
    const mean = xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
    return xs.reduce((s, x) => s + Math.abs(x - mean), 0) / (xs.length || 1) || 1;
  });
  let raw = 0;
  let normalized = 0;
  let cells = 0;
  let doneHits = 0;
  transitions.forEach((t, i) => {
    const sampled = samples[i].map((p) => [...(Array.isArray(p.next_state) ? p.next_state : [p.next_state]), p.reward]);
    rows[i].forEach((y, j) => {
      if (t.done && j < rows[i].length - 1) return; // a terminal step's next state is not compared
      const c = crps(
        sampled.map((s) => s[j] ?? NaN),
        y,
      );
      raw += c;
      normalized += c / scale[j];
      cells++;
    });
    doneHits += samples[i].filter((p) => p.done === t.done).length / (samples[i].length || 1);
  });
  const meanNormalized = cells ? normalized / cells : 0;
  const doneRate = transitions.length ? doneHits / transitions.length : 1;
  return { samples: k, score: Math.exp(-meanNormalized) * doneRate, logLikelihood: null, tv: null, repeatedPairs: 0, crps: cells ? raw / cells : 0 };
}
