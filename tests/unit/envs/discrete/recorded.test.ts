import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_CAP, recordTrajectories } from '../../../../src/core/env/record';
import { Rng } from '../../../../src/core/rng';
import type { EnvPack, Transition } from '../../../../src/core/env/types';
import { simulated } from './packs';

function trajectories(data: Transition[]): Transition[][] {
  const out = new Map<number, Transition[]>();
  for (const t of data) out.set(t.traj_start ?? 0, [...(out.get(t.traj_start ?? 0) ?? []), t]);
  return [...out.values()];
}

async function shipped(pack: EnvPack): Promise<Transition[]> {
  const source = pack.datasets.find((d) => d.id === 'recorded');
  if (!source) throw new Error(`${pack.spec.id} ships no recorded dataset`);
  return source.load();
}

/** Mean undiscounted return of `episodes` episodes of a policy on the reference simulator. */
function meanReturn(pack: EnvPack, policy: 'heuristic' | 'random', seed: number, episodes: number): number {
  const rng = Rng.seeded(seed);
  const sim = pack.createSimulator!();
  const limit = pack.spec.episodeLimit ?? DEFAULT_RECORD_CAP;
  const n = pack.spec.action.kind === 'discrete' ? pack.spec.action.n : 0;
  let total = 0;
  for (let e = 0; e < episodes; e++) {
    let obs = sim.reset(rng);
    for (let t = 0; t < limit; t++) {
      const action = policy === 'heuristic' ? pack.heuristicPolicy!(obs, rng) : rng.int(n);
      const [next, reward, done] = sim.step(action);
      total += reward;
      if (done) break;
      obs = next;
    }
  }
  return total / episodes;
}

describe.each(simulated.map((pack) => ({ id: pack.spec.id, pack })))('recorded data of $id', ({ pack }) => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = recordTrajectories(pack, 3, 10);
    expect(recordTrajectories(pack, 3, 10)).toEqual(a);
    expect(recordTrajectories(pack, 4, 10)).not.toEqual(a);
  });

  it('ships exactly what a fresh recording with seed 0 gives', async () => {
    expect(await shipped(pack)).toEqual(recordTrajectories(pack, 0, 10));
  });

  it('holds ten trajectories, each ending in done or in a cut-off exactly at the limit', async () => {
    const trajs = trajectories(await shipped(pack));
    expect(trajs).toHaveLength(10);
    const limit = pack.spec.episodeLimit ?? DEFAULT_RECORD_CAP;
    for (const traj of trajs) {
      const last = traj[traj.length - 1];
      expect(traj.slice(0, -1).every((t) => !t.done && !t.truncated)).toBe(true);
      if (last.truncated) {
        expect(traj).toHaveLength(limit);
        expect(last.done).toBe(false);
      } else expect(last.done).toBe(true);
    }
  });

  it('chains states: each next_state is the following state in its trajectory', async () => {
    for (const traj of trajectories(await shipped(pack))) {
      for (let i = 1; i < traj.length; i++) expect(traj[i].state).toEqual(traj[i - 1].next_state);
    }
  });

  it('has a heuristic that beats random play over 200 seeded episodes', () => {
    expect(meanReturn(pack, 'heuristic', 11, 200)).toBeGreaterThan(meanReturn(pack, 'random', 11, 200));
  });
});

// [transitions, terminated, truncated] of each shipped recording: a change in a simulator, a
// heuristic or the recorder shows up here.
const PINNED: Record<string, number[]> = {
  blackjack: [14, 10, 0],
  cliffwalking: [596, 5, 5],
  taxi: [1062, 5, 5],
  'frozenlake-4x4': [52, 10, 0],
  'frozenlake-4x4-slippery': [346, 9, 1],
  'frozenlake-8x8': [202, 10, 0],
  'frozenlake-8x8-slippery': [600, 10, 0],
};

describe('shipped recordings, pinned', () => {
  it.each(simulated.map((pack) => ({ id: pack.spec.id, pack })))('$id', async ({ id, pack }) => {
    const data = await shipped(pack);
    expect([data.length, data.filter((t) => t.done).length, data.filter((t) => t.truncated).length]).toEqual(PINNED[id]);
  });
});
