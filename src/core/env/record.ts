import { Rng } from '../rng';
import type { Action, EnvPack, Obs, Space, Transition } from './types';

/** Cap for recording where Gymnasium has no time limit (CliffWalking), as the paper's planning cap. */
export const DEFAULT_RECORD_CAP = 100;

/** A uniformly random action of a space. */
export function sampleAction(space: Space, rng: Rng): Action {
  if (space.kind === 'discrete') return rng.int(space.n);
  if (space.kind === 'multi-discrete') return space.nvec.map((n) => rng.int(n));
  return space.low.map((low, i) => rng.uniform(low, space.high[i]));
}

function copyObs(obs: Obs): Obs {
  return Array.isArray(obs) ? obs.slice() : obs;
}

/**
 * Records `episodes` trajectories of a pack's reference simulator, deterministic per seed: the
 * first half act randomly, the second half follow the pack's heuristic policy (random where the
 * pack has none). `done` means terminated; a time-limit cut-off is marked `truncated` instead.
 */
export function recordTrajectories(pack: EnvPack, seed: number, episodes = 10): Transition[] {
  if (!pack.createSimulator) throw new Error(`${pack.spec.id} has no simulator to record from`);
  const rng = Rng.seeded(seed);
  const sim = pack.createSimulator();
  const limit = pack.spec.episodeLimit ?? DEFAULT_RECORD_CAP;
  const out: Transition[] = [];
  for (let episode = 0; episode < episodes; episode++) {
    const heuristic = episode >= Math.ceil(episodes / 2) ? pack.heuristicPolicy : undefined;
    const trajStart = out.length;
    let obs = sim.reset(rng);
    for (let t = 0; t < limit; t++) {
      const action = heuristic ? heuristic(obs, rng) : sampleAction(pack.spec.action, rng);
      sim.setState(copyObs(obs));
      const [next, reward, done] = sim.step(Array.isArray(action) ? action.slice() : action);
      const transition: Transition = { state: copyObs(obs), action, next_state: copyObs(next), reward, done, traj_start: trajStart };
      if (!done && t === limit - 1) transition.truncated = true;
      out.push(transition);
      if (done) break;
      obs = next;
    }
  }
  return out;
}
