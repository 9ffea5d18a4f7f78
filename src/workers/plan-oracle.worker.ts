// The planning baselines in their own module worker: the random policy and the oracle (the
// planner with the trusted reference simulator as its model) over the same episodes as the
// candidate, so the paper-sized oracle search never blocks the page. The page cancels by
// terminating the worker (the episode loop never yields to the message queue).
import { expose } from 'comlink';
import { getPack } from '../../envs/index';
import { planningLimit } from '../core/plan/episode';
import { oracleReturns, randomReturns, type PlanningOptions, type PlanningProgress } from '../core/plan/session';

/** What the page asks for: which environment, how many episodes, which seed and planner settings. */
export interface BaselineRequest {
  envId: string;
  episodes: number;
  seed: number;
  planner?: PlanningOptions['planner'];
}

const api = {
  /** Mean-able returns of the random policy and the oracle; progress once per finished episode. */
  async baselines(request: BaselineRequest, onEpisode?: (phase: 'random' | 'oracle', episode: number, ret: number) => void) {
    const pack = getPack(request.envId);
    let total = 0;
    const onProgress = (p: PlanningProgress) => {
      total += p.step.reward;
      if (p.step.done || p.step.t === planningLimit(pack.spec) - 1) {
        onEpisode?.(p.phase as 'random' | 'oracle', p.episode, total);
        total = 0;
      }
    };
    const options: PlanningOptions = { pack, episodes: request.episodes, seed: request.seed, planner: request.planner, onProgress };
    const random = await randomReturns(options);
    const oracle = await oracleReturns(options);
    return { random, oracle };
  },
};

export type PlanOracleApi = typeof api;
expose(api);
