import type { EnvSpec, Transition } from '../env/types';
import { scoreDistribution } from './distribution';
import { sampleCount } from './run-candidate';
import { formatBug } from './errors';
import { buggyResult, scorePredictions } from './metric';
import type { CandidateRunner, EvalResult, RewardMode, TransitionInput } from './types';
import { checkPredictions, normalizePrediction } from './validate';

/** Samples per transition of the distributional score, by default (stochastic worlds). */
export const DEFAULT_SAMPLES = 64;

/** Default wall-clock limit of one evaluation: past it a candidate is a bug ("timed out after 5 s"). */
export const DEFAULT_TIMEOUT_MS = 5000;

// The same inputs array for the same dataset, so runners can reuse its encoding (datasets are
// never mutated once loaded).
const inputsCache = new WeakMap<Transition[], TransitionInput[]>();

function inputsOf(transitions: Transition[]): TransitionInput[] {
  let inputs = inputsCache.get(transitions);
  if (!inputs) {
    inputs = transitions.map((t) => ({ state: t.state, action: t.action }));
    inputsCache.set(transitions, inputs);
  }
  return inputs;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  reward?: RewardMode;
  timeoutMs?: number;
  /** Seed of the candidate's `Math.random` (reseeded per transition), so a stochastic program replays exactly. */
  seed?: number;
  /**
   * Samples per transition for the distributional score (stochastic worlds); 1 (the default)
   * scores one sample with the metric only.
   */
  samples?: number;
  /** What `score` is: the metric (default) or, with samples > 1, the distributional score. */
  objective?: 'metric' | 'distribution';
  signal?: AbortSignal;
}

/**
 * Scores a candidate program on a dataset. The runner executes the program in an isolated realm
 * on the transition inputs only; shapes are checked and the metric is computed here, outside that
 * realm, so a program cannot change its own score.
 */
export async function evaluateProgram(
  runner: CandidateRunner,
  program: string,
  transitions: Transition[],
  spec: Pick<EnvSpec, 'observation' | 'stateComparison'>,
  options: EvaluateOptions = {},
): Promise<EvalResult> {
  const inputs = inputsOf(transitions);
  const samples = sampleCount(options.samples);
  const outcome = await runner.run(program, inputs, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, seed: options.seed, samples, signal: options.signal });
  if (!outcome.ok) return buggyResult(transitions.length, formatBug(outcome.error, program));
  if (outcome.predictions.length !== transitions.length * samples) {
    const expected = samples === 1 ? `${transitions.length} transitions` : `${transitions.length} transitions × ${samples} samples`;
    return buggyResult(transitions.length, `the program produced ${outcome.predictions.length} predictions for ${expected}`);
  }
  const all = outcome.predictions.map((p) => normalizePrediction(p, spec.observation));
  // The samples of each transition (records come transition-major), checked sample by sample so
  // that a problem names its transition.
  const grouped = samples === 1 ? null : transitions.map((_, i) => all.slice(i * samples, (i + 1) * samples));
  for (let k = 0; k < samples; k++) {
    const problem = checkPredictions(grouped ? grouped.map((g) => g[k]) : all, spec.observation);
    if (problem) return buggyResult(transitions.length, formatBug(problem, program));
  }
  const first = grouped ? grouped.map((g) => g[0]) : all;
  const result = scorePredictions(transitions, first, { comparison: spec.stateComparison, reward: options.reward ?? 'tolerant' });
  if (!grouped) return result;
  const distribution = { ...scoreDistribution(transitions, grouped, spec.stateComparison), metricScore: result.score };
  return { ...result, score: options.objective === 'distribution' ? distribution.score : result.score, distribution };
}
