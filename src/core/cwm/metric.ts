import type { Obs, StateComparison, Transition } from '../env/types';
import type { Breakdown, EvalResult, FailureReport, Prediction, RewardMode } from './types';

/** Absolute and relative tolerance for float comparisons. */
export const ATOL = 1e-5;
export const RTOL = 1e-5;

/** `|pred − true| ≤ 1e-5 + 1e-5·|true|`, the comparison of continuous quantities. */
export function closeEnough(pred: number, truth: number): boolean {
  return Math.abs(pred - truth) <= ATOL + RTOL * Math.abs(truth);
}

function elementMatches(pred: number, truth: number, mode: StateComparison): boolean {
  if (typeof pred !== 'number' || !Number.isFinite(pred)) return false;
  return mode === 'exact' ? pred === truth : closeEnough(pred, truth);
}

/** Fraction of next-state elements that match; a shape mismatch counts the elements it can. */
export function stateAccuracy(pred: Obs, truth: Obs, mode: StateComparison): number {
  const t = Array.isArray(truth) ? truth : [truth];
  const p = Array.isArray(pred) ? pred : [pred];
  if (t.length === 0) return 1;
  let hits = 0;
  for (let i = 0; i < t.length; i++) if (i < p.length && elementMatches(p[i], t[i], mode)) hits++;
  return hits / t.length;
}

/** Per-part correctness of one prediction against one recorded transition. */
export interface TransitionScore {
  acc: number;
  state: number;
  reward: boolean;
  done: boolean;
  full: boolean;
}

/**
 * Accuracy of one prediction, following the paper's code: a non-terminal transition weighs
 * next state, reward and done by a third each; a terminal one ignores the next state and weighs
 * reward and done by half each.
 */
export function scoreTransition(pred: Prediction, truth: Transition, comparison: StateComparison, reward: RewardMode): TransitionScore {
  const rewardOk = reward === 'paper' ? pred.reward === truth.reward : elementMatches(pred.reward, truth.reward, 'tolerant');
  const doneOk = Boolean(pred.done) === truth.done;
  if (truth.done) {
    const acc = 0.5 * Number(rewardOk) + 0.5 * Number(doneOk);
    return { acc, state: 1, reward: rewardOk, done: doneOk, full: rewardOk && doneOk };
  }
  const state = stateAccuracy(pred.next_state, truth.next_state, comparison);
  const acc = (state + Number(rewardOk) + Number(doneOk)) / 3;
  return { acc, state, reward: rewardOk, done: doneOk, full: state === 1 && rewardOk && doneOk };
}

// A search scores every candidate on the same dataset, and datasets are never mutated once loaded.
const weightsCache = new WeakMap<readonly Transition[], readonly number[]>();

/** Weight of each transition: 1 / (number of transitions sharing its reward value). */
export function rewardWeights(transitions: readonly Transition[]): readonly number[] {
  let weights = weightsCache.get(transitions);
  if (!weights) {
    const counts = new Map<number, number>();
    for (const t of transitions) counts.set(t.reward, (counts.get(t.reward) ?? 0) + 1);
    weights = transitions.map((t) => 1 / (counts.get(t.reward) ?? 1));
    weightsCache.set(transitions, weights);
  }
  return weights;
}

/** Options of the metric: how states and rewards are compared. */
export interface MetricOptions {
  comparison: StateComparison;
  reward: RewardMode;
}

/**
 * Scores a program's predictions on a dataset. Every transition counts in
 * the score, cut-offs included, as in the paper; `solved` ignores truncated transitions, and so
 * does the failure report, since no program can predict a time-limit cut-off.
 */
export function scorePredictions(transitions: readonly Transition[], predictions: readonly Prediction[], options: MetricOptions): EvalResult {
  if (predictions.length !== transitions.length) {
    throw new Error(`expected ${transitions.length} predictions, got ${predictions.length}`);
  }
  const weights = rewardWeights(transitions);
  let weighted = 0;
  let weightSum = 0;
  let accSum = 0;
  let correct = 0;
  let solved = true;
  let firstFailure: FailureReport | null = null;
  const parts = { state: 0, stateN: 0, reward: 0, done: 0 };
  transitions.forEach((truth, i) => {
    const pred = predictions[i];
    const s = scoreTransition(pred, truth, options.comparison, options.reward);
    weighted += weights[i] * s.acc;
    weightSum += weights[i];
    accSum += s.acc;
    if (s.full) correct++;
    if (!truth.done) {
      parts.state += s.state;
      parts.stateN++;
    }
    parts.reward += Number(s.reward);
    parts.done += Number(s.done);
    if (!s.full && !truth.truncated) {
      solved = false;
      firstFailure ??= {
        index: i,
        state: truth.state,
        action: truth.action,
        expected: { next_state: truth.next_state, reward: truth.reward, done: truth.done },
        predicted: { next_state: pred.next_state, reward: pred.reward, done: pred.done },
      };
    }
  });
  const n = transitions.length;
  const breakdown: Breakdown = {
    state: parts.stateN ? parts.state / parts.stateN : 1,
    reward: n ? parts.reward / n : 1,
    done: n ? parts.done / n : 1,
  };
  return {
    score: weightSum ? weighted / weightSum : 0,
    accuracy: n ? accSum / n : 0,
    correct,
    total: n,
    bug: null,
    firstFailure,
    breakdown,
    solved,
  };
}

/** The result of a buggy program: score 0, the cleaned error, nothing else to report. */
export function buggyResult(total: number, bug: string): EvalResult {
  return {
    score: 0,
    accuracy: 0,
    correct: 0,
    total,
    bug,
    firstFailure: null,
    breakdown: { state: 0, reward: 0, done: 0 },
    solved: false,
  };
}
