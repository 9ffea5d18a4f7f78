import { proxy, wrap } from 'comlink';
import type { EnvPack } from '../../core/env/types';
import { mean } from '../../core/plan/episode';
import { normalizedReturn, type NormalizedReturn } from '../../core/plan/normalized';
import { modelReturns, type PlanningOptions } from '../../core/plan/session';
import type { PlanOracleApi } from '../../workers/plan-oracle.worker';
import { openBrowserModelSession } from '../../sandbox/index';

/** One planning evaluation in the page: what is planned, how long, and who hears about progress. */
export interface PlanningRequest {
  pack: EnvPack;
  program: string;
  episodes: number;
  seed: number;
  planner?: PlanningOptions['planner'];
  /** Wall-clock limit of one planning call into the program. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A random or oracle episode ended with return `ret`. */
  onBaseline?: (phase: 'random' | 'oracle', ret: number) => void;
  /** A step of the program-planned agent in the real environment. */
  onProgress?: PlanningOptions['onProgress'];
}

/**
 * A program's normalized return in the page: the program plans in the planning sandbox while the
 * random and oracle baselines run in their own module worker, so the paper-sized oracle search
 * never blocks the page. Aborting `signal` terminates the worker and rejects with its reason.
 */
export async function planAgainstBaselines(r: PlanningRequest): Promise<{ result: NormalizedReturn; modelError?: string }> {
  const worker = new Worker(new URL('../../workers/plan-oracle.worker.ts', import.meta.url), { type: 'module' });
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      worker.terminate(); // the baselines' episode loop never yields: terminating is the only way to stop it
      reject(r.signal?.reason);
    };
  });
  r.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const oracle = wrap<PlanOracleApi>(worker);
    const onEpisode = r.onBaseline;
    const baselines = oracle.baselines(
      { envId: r.pack.spec.id, episodes: r.episodes, seed: r.seed, planner: r.planner },
      proxy((phase: 'random' | 'oracle', _episode: number, ret: number) => onEpisode?.(phase, ret)),
    );
    const model = modelReturns({
      pack: r.pack,
      program: r.program,
      open: openBrowserModelSession,
      episodes: r.episodes,
      seed: r.seed,
      planner: r.planner,
      timeoutMs: r.timeoutMs,
      signal: r.signal,
      onProgress: r.onProgress,
    });
    const [base, mine] = await Promise.race([Promise.all([baselines, model]), aborted]);
    const result = normalizedReturn(mean(mine.returns), mean(base.random), mean(base.oracle));
    return mine.modelError === undefined ? { result } : { result, modelError: mine.modelError };
  } finally {
    r.signal?.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}
