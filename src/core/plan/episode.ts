import type { Action, EnvSpec, Obs, Simulator } from '../env/types';
import type { Rng } from '../rng';

/** The paper caps planning episodes where Gymnasium has no limit (CliffWalking) at 100 steps. */
export const PLANNING_CAP = 100;

/** Steps an evaluation episode may last: the episode limit, or the paper's cap of 100. */
export function planningLimit(spec: Pick<EnvSpec, 'episodeLimit'>): number {
  return spec.episodeLimit ?? PLANNING_CAP;
}

/** Picks the action for a real observation; may be a call into a sandboxed worker. */
export type Policy = (obs: Obs) => Action | Promise<Action>;

/** One step of an episode, for animation and progress. */
export interface EpisodeStep {
  t: number;
  obs: Obs;
  action: Action;
  next: Obs;
  reward: number;
  done: boolean;
}

/**
 * Runs one episode of the REAL environment (the reference simulator) with a policy; the return
 * is summed here, outside any candidate's realm, so a model cannot inflate it.
 */
export async function runEpisode(sim: Simulator, policy: Policy, rng: Rng, limit: number, onStep?: (step: EpisodeStep) => void): Promise<number> {
  let obs = sim.reset(rng);
  let total = 0;
  for (let t = 0; t < limit; t++) {
    const action = await policy(Array.isArray(obs) ? obs.slice() : obs);
    sim.setState(Array.isArray(obs) ? obs.slice() : obs);
    const [next, reward, done] = sim.step(action);
    total += reward;
    onStep?.({ t, obs, action, next, reward, done });
    if (done) break;
    obs = next;
  }
  return total;
}

/** Mean of a list of returns. */
export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN;
}
