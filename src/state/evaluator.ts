import { requirePack } from './packs';
import { DEFAULT_TIMEOUT_MS, evaluateProgram } from '../core/cwm/evaluate';
import type { EvalResult, RewardMode } from '../core/cwm/types';
import type { Transition } from '../core/env/types';
import { browserRunner } from '../sandbox/index';

export { browserRunner };

/** Arguments of `window.cwmPlayground.evaluate`. */
export interface EvaluateRequest {
  /** An id from `envs()`, e.g. `cartpole`. */
  envId: string;
  /** The candidate program (JavaScript defining `class Environment`). */
  program: string;
  /** Transitions to score on; default: the pack's default dataset (CWMB where there is one). */
  transitions?: Transition[];
  /** Reward comparison: `tolerant` (default) or `paper` (exact). */
  reward?: RewardMode;
  /** Wall-clock limit in milliseconds; default 5000. */
  timeoutMs?: number;
  /** Seed of the program's `Math.random` (reseeded per transition); default 0. */
  seed?: number;
  /** Aborting cancels the evaluation (queued or running); the promise rejects with the reason. */
  signal?: AbortSignal;
}

/**
 * Scores a program in the browser sandbox and resolves to the same object `cwm eval --json`
 * prints. Rejects with a message naming the problem when the request itself is malformed.
 */
export async function evaluateInBrowser(request: EvaluateRequest): Promise<EvalResult> {
  if (typeof request !== 'object' || request === null) throw new Error('evaluate() takes { envId, program, transitions?, reward?, timeoutMs?, seed?, signal? }');
  const { envId, program, transitions, reward, timeoutMs, seed, signal } = request;
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('evaluate(): "seed" must be an integer');
  if (typeof program !== 'string') throw new Error('evaluate(): "program" must be the program text (a string)');
  if (reward !== undefined && reward !== 'paper' && reward !== 'tolerant') throw new Error('evaluate(): "reward" must be "paper" or "tolerant"');
  if (transitions !== undefined && !Array.isArray(transitions)) throw new Error('evaluate(): "transitions" must be an array of { state, action, next_state, reward, done }');
  const pack = requirePack(String(envId));
  // Built-in datasets load once per page (envs/datasets.ts); a custom one is read as saved now.
  const data = transitions ?? (await pack.datasets[0].load());
  return evaluateProgram(browserRunner(), program, data, pack.spec, { reward, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, seed, signal });
}
