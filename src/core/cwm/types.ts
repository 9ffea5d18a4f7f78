import type { DistributionScore } from './distribution';
import type { Action, Obs } from '../env/types';

/** What a program predicted for one transition. */
export interface Prediction {
  next_state: Obs;
  reward: number;
  done: boolean;
}

/** How rewards are compared: `paper` exact equality, `tolerant` the state tolerance. */
export type RewardMode = 'paper' | 'tolerant';

/** Mean per-part accuracy: next state over non-terminal transitions, reward and done over all. */
export interface Breakdown {
  state: number;
  reward: number;
  done: number;
}

/** The first misclassified transition, as the improve prompt shows it. */
export interface FailureReport {
  index: number;
  state: Obs;
  action: Action;
  expected: Prediction;
  predicted: Prediction;
  /**
   * The whole report as the improve prompt shows it, for worlds whose states are not numbers
   * (RTFM boards): the numeric fields then hold empty placeholders and this text says it all.
   */
  text?: string;
}

/** The score of one program on one dataset: what `cwm eval --json` prints. */
export interface EvalResult {
  /** Weighted metric Σw·acc/Σw, w = 1/(transitions sharing the reward value); 0 for a bug. */
  score: number;
  /** Plain mean accuracy over transitions. */
  accuracy: number;
  /** Number of fully correct transitions. */
  correct: number;
  total: number;
  /** Cleaned error (message, line, line text) when the program is buggy, else null. */
  bug: string | null;
  firstFailure: FailureReport | null;
  breakdown: Breakdown;
  /** Every transition that is not truncated is fully correct. */
  solved: boolean;
  /**
   * With several samples per transition: the distributional score, and the metric's score of the
   * first sample of each transition. When the distributional score is the objective, `score` above
   * is `distribution.score` and the metric's score is `distribution.metricScore`.
   */
  distribution?: DistributionScore & { metricScore: number };
}

/** A bug reported by a runner: the cleaned message plus where in the candidate it happened. */
export interface CandidateError {
  message: string;
  line?: number;
  lineText?: string;
}

/** What running a candidate on transition inputs gives back: predictions, or the bug. */
export type RunOutcome = { ok: true; predictions: Prediction[] } | { ok: false; error: CandidateError };

/** Inputs of one transition, the only part of the data a candidate ever sees. */
export interface TransitionInput {
  state: Obs;
  action: Action;
}

/** Runs candidate programs somewhere isolated (an SES compartment in a browser worker or a Node child process). */
export interface CandidateRunner {
  run(program: string, inputs: TransitionInput[], options: RunOptions): Promise<RunOutcome>;
}

/** Limits and inputs of one run of a candidate. */
export interface RunOptions {
  /** Wall-clock limit of the whole run; past it the run is a bug ("timed out after …"). */
  timeoutMs: number;
  /** The run's seed: `Math.random` inside the candidate is reseeded from it before every transition. */
  seed?: number;
  /**
   * Runs per transition (default 1): with K > 1 each transition is run K times, sample k reseeded
   * from (seed, k), and the predictions come back transition-major (K per transition).
   */
  samples?: number;
  /** Aborting cancels a queued or running evaluation; the promise rejects with the reason. */
  signal?: AbortSignal;
}
