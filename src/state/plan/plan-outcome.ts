import type { PlanOutcome } from '../../core/bench/run';
import type { EnvPack } from '../../core/env/types';
import type { PlanningOptions } from '../../core/plan/session';
import { planAgainstBaselines } from './baselines';

/**
 * A program's normalized return in the page, for the benchmark: planned against the random and
 * oracle baselines (terminated on abort); N/A with the reason where the pack has no simulator or
 * the oracle does no better than random.
 */
export async function planOutcomeInBrowser(
  pack: EnvPack,
  program: string,
  options: { seed: number; episodes: number; planner?: PlanningOptions['planner']; signal?: AbortSignal },
): Promise<PlanOutcome> {
  if (!pack.createSimulator) return { R: null, reason: 'no reference simulator to plan in (transitions-only environment)' };
  const { result: r, modelError } = await planAgainstBaselines({ pack, program, ...options });
  return {
    R: r.normalizedReturn,
    ...(r.reason ? { reason: r.reason } : {}),
    returns: { model: r.returnModel, random: r.returnRandom, oracle: r.returnOracle },
    ...(modelError ? { error: modelError } : {}),
  };
}
