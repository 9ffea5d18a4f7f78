import { formatBug } from '../core/cwm/errors';
import { checkPredictions, normalizePrediction } from '../core/cwm/validate';
import type { CandidateRunner } from '../core/cwm/types';
import type { Action, Obs, Space } from '../core/env/types';
import { browserRunner } from './evaluator';

/** Wall-clock limit of one step of a synthesized model; a step is one setState + step call. */
export const STEP_TIMEOUT_MS = 2000;

/** One step of the synthesized model: its [next state, reward, done], or why it failed. */
export type SynthStep = { ok: true; outcome: [Obs, number, boolean] } | { ok: false; bug: string };

/**
 * Steps a synthesized world model (an untrusted program) from a given state, inside the evaluator
 * sandbox: every step is one job `setState(state); step(action)` in a fresh sandboxed worker.
 * That is exactly how the metric runs a program, so the model is played the way it was scored,
 * and the page never runs candidate code. The caller keeps the model's state (its last predicted
 * observation) and passes it back in. A stochastic model draws from a seed per step, so an
 * episode replays exactly from its seed.
 */
export class SynthSession {
  private readonly program: string;
  private readonly observation: Space;
  private readonly runner: CandidateRunner;
  /** The seed of this episode's draws: step t of the episode runs with seed `seed + t`. */
  private base = 0;
  private draws = 0;

  constructor(program: string, observation: Space, runner: CandidateRunner = browserRunner()) {
    this.program = program;
    this.observation = observation;
    this.runner = runner;
  }

  /** Starts an episode: its steps draw `Math.random` from `seed`, `seed + 1`, … in order. */
  reseed(seed: number): void {
    this.base = seed;
    this.draws = 0;
  }

  /** Sets the model to `state`, takes `action`, and returns its prediction (shape-checked). */
  async step(state: Obs, action: Action, signal?: AbortSignal): Promise<SynthStep> {
    const seed = (this.base + this.draws++) | 0;
    const outcome = await this.runner.run(this.program, [{ state, action }], { timeoutMs: STEP_TIMEOUT_MS, seed, signal });
    if (!outcome.ok) return { ok: false, bug: formatBug(outcome.error, this.program) };
    if (outcome.predictions.length !== 1) return { ok: false, bug: 'the program returned no prediction for this step' };
    const p = normalizePrediction(outcome.predictions[0], this.observation);
    const problem = checkPredictions([p], this.observation);
    if (problem) return { ok: false, bug: formatBug(problem, this.program) };
    return { ok: true, outcome: [p.next_state, p.reward, Boolean(p.done)] };
  }
}
