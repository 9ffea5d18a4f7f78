import { evaluateProgram } from '../../core/cwm/evaluate';
import { searchScoring } from '../../core/cwm/objective';
import type { CandidateRunner, RewardMode } from '../../core/cwm/types';
import type { EnvSpec, Transition } from '../../core/env/types';
import type { LlmClient } from '../../core/llm/types';
import { guardInFlight } from '../../core/run/index';
import type { RunRecord } from '../../core/run/types';
import type { Evaluate } from '../../core/search/types';
import { localInFlightStore } from './in-flight-store';

/** What a page search scores with: its model and evaluator, guarded against a crashing candidate. */
export interface GuardedScoring {
  llm: LlmClient;
  evaluate: Evaluate;
  /** Samples per transition (above 1: the distributional score is the reward). */
  samples: number;
  /** Names the run once its session exists, so its in-flight candidate is kept under its name. */
  named(createdAt: string): void;
}

/**
 * The scoring of a search in the page: the distributional score for stochastic worlds (a saved
 * run keeps its own setting), and a candidate that takes the page down recorded as that bug when
 * the run continues (see guardInFlight).
 */
export function guardedScoring(o: {
  llm: LlmClient;
  runner: CandidateRunner;
  transitions: Transition[];
  spec: EnvSpec;
  reward: RewardMode;
  seed: number;
  /** The run continued or replayed, if any. */
  saved: RunRecord | null;
}): GuardedScoring {
  let createdAt = o.saved?.createdAt ?? null;
  const { samples, objective } = searchScoring(o.spec, o.saved);
  const options = { reward: o.reward, seed: o.seed, samples, objective };
  const guard = guardInFlight(
    o.llm,
    (program, signal) => evaluateProgram(o.runner, program, o.transitions, o.spec, { ...options, signal }),
    o.transitions.length,
    localInFlightStore(() => createdAt),
  );
  return { ...guard, samples, named: (name) => (createdAt = name) };
}
