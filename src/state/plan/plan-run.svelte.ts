import { getPack } from '../../../envs/index';
import type { Obs } from '../../core/env/types';
import { planningLimit } from '../../core/plan/episode';
import type { NormalizedReturn } from '../../core/plan/normalized';
import type { PlanningOptions } from '../../core/plan/session';
import { planAgainstBaselines } from './baselines';

/** Where a planning evaluation is. */
export type PlanRunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Returns per finished episode, per policy. */
export interface EpisodeReturns {
  random: number[];
  oracle: number[];
  model: number[];
}

/**
 * One "plan with this model" evaluation in the page: the program plans in the planning sandbox
 * while the real environment steps here (the frames the panel animates), and the random and
 * oracle baselines run in their own module worker. The result is the paper's normalized return.
 */
export class PlanRun {
  status = $state<PlanRunStatus>('idle');
  /** The real environment's current state as the model-planned agent acts in it. */
  obs = $state.raw<Obs | null>(null);
  episode = $state(0);
  step = $state(0);
  episodeReturn = $state(0);
  returns = $state<EpisodeReturns>({ random: [], oracle: [], model: [] });
  episodes = $state(10);
  result = $state.raw<NormalizedReturn | null>(null);
  fallbacks = $state(0);
  modelError = $state<string | null>(null);
  error = $state<string | null>(null);

  /** Finished episodes over all three policies, out of 3 × episodes. */
  progress = $derived((this.returns.random.length + this.returns.oracle.length + this.returns.model.length) / (3 * this.episodes));

  private controller: AbortController | null = null;

  /** Runs the evaluation; resolves when it ends (done, cancelled or failed). */
  async start(envId: string, program: string, options: { episodes?: number; seed?: number; planner?: PlanningOptions['planner']; timeoutMs?: number } = {}): Promise<void> {
    this.cancel();
    const pack = getPack(envId);
    const controller = new AbortController();
    this.controller = controller;
    this.episodes = options.episodes ?? 10;
    const seed = options.seed ?? 0;
    Object.assign(this, { status: 'running', obs: null, episode: 0, step: 0, episodeReturn: 0, result: null, fallbacks: 0, modelError: null, error: null });
    this.returns = { random: [], oracle: [], model: [] };
    try {
      const { result, modelError } = await planAgainstBaselines({
        pack,
        program,
        episodes: this.episodes,
        seed,
        planner: options.planner,
        timeoutMs: options.timeoutMs,
        signal: controller.signal,
        onBaseline: (phase, ret) => {
          if (this.controller === controller) this.returns[phase].push(ret);
        },
        onProgress: (p) => {
          this.obs = p.step.next;
          this.episode = p.episode;
          this.step = p.step.t + 1;
          this.episodeReturn = (p.step.t === 0 ? 0 : this.episodeReturn) + p.step.reward;
          if (p.fallback) this.fallbacks++;
          if (p.step.done || p.step.t + 1 === planningLimit(pack.spec)) this.returns.model.push(this.episodeReturn);
        },
      });
      if (controller.signal.aborted) return;
      this.modelError = modelError ?? null;
      this.result = result;
      this.status = 'done';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    }
  }

  /** Stops a running evaluation: the sandbox session closes and the baseline worker is terminated. */
  cancel(): void {
    if (this.status === 'running') this.status = 'cancelled';
    this.controller?.abort(new Error('cancelled'));
    this.controller = null;
  }
}
