import type { EnvSpec, Transition } from '../env/types';
import { formatBug } from './errors';
import { buggyResult, scorePredictions } from './metric';
import type { CandidateRunner, EvalResult, RewardMode, TransitionInput } from './types';
import { checkPredictions, normalizePrediction } from './validate';

/** Default wall-clock limit of one evaluation. */
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
  const outcome = await runner.run(program, inputs, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: options.signal });
  if (!outcome.ok) return buggyResult(transitions.length, formatBug(outcome.error, program));
  if (outcome.predictions.length !== transitions.length) {
    return buggyResult(transitions.length, `the program produced ${outcome.predictions.length} predictions for ${transitions.length} transitions`);
  }
  const predictions = outcome.predictions.map((p) => normalizePrediction(p, spec.observation));
  const problem = checkPredictions(predictions, spec.observation);
  if (problem) return buggyResult(transitions.length, formatBug(problem, program));
  return scorePredictions(transitions, predictions, { comparison: spec.stateComparison, reward: options.reward ?? 'tolerant' });
}
