import { proxy, wrap } from 'comlink';
import type { PlanOutcome } from '../../core/bench/run';
import type { EnvPack } from '../../core/env/types';
import { mean } from '../../core/plan/episode';
import { normalizedReturn } from '../../core/plan/normalized';
import { modelReturns, type PlanningOptions } from '../../core/plan/session';
import type { PlanOracleApi } from '../../workers/plan-oracle.worker';
import { openBrowserModelSession } from '../../sandbox/index';

/**
 * A program's normalized return in the page, for the benchmark: the model plans in the planning
 * sandbox, the random and oracle baselines run in their own module worker (terminated on abort),
 * and the result is N/A with the reason where the pack has no simulator or the oracle does no
 * better than random.
 */
export async function planOutcomeInBrowser(
  pack: EnvPack,
  program: string,
  options: { seed: number; episodes: number; planner?: PlanningOptions['planner']; signal?: AbortSignal },
): Promise<PlanOutcome> {
  if (!pack.createSimulator) return { R: null, reason: 'no reference simulator to plan in (transitions-only environment)' };
  const worker = new Worker(new URL('../../workers/plan-oracle.worker.ts', import.meta.url), { type: 'module' });
  const onAbort = () => worker.terminate();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const oracle = wrap<PlanOracleApi>(worker);
    const aborted = new Promise<never>((_, reject) => options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true }));
    const baselines = oracle.baselines(
      { envId: pack.spec.id, episodes: options.episodes, seed: options.seed, planner: options.planner },
      proxy(() => {}),
    );
    const model = modelReturns({ pack, program, open: openBrowserModelSession, episodes: options.episodes, seed: options.seed, planner: options.planner, signal: options.signal });
    const [base, mine] = await Promise.race([Promise.all([baselines, model]), aborted]);
    const r = normalizedReturn(mean(mine.returns), mean(base.random), mean(base.oracle));
    return {
      R: r.normalizedReturn,
      ...(r.reason ? { reason: r.reason } : {}),
      returns: { model: r.returnModel, random: r.returnRandom, oracle: r.returnOracle },
      ...(mine.modelError ? { error: mine.modelError } : {}),
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}
