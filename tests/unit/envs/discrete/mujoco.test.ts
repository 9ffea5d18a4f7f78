import { describe, expect, it } from 'vitest';
import type { EnvPack } from '../../../../src/core/env/types';
import { pack as reacher } from '../../../../envs/reacher';
import { pack as pusher } from '../../../../envs/pusher';
import { pack as invertedPendulum } from '../../../../envs/inverted-pendulum';
import { pack as invertedDoublePendulum } from '../../../../envs/inverted-double-pendulum';
import { pack as halfcheetah } from '../../../../envs/halfcheetah';
import { pack as hopper } from '../../../../envs/hopper';
import { pack as swimmer } from '../../../../envs/swimmer';
import { pack as walker2d } from '../../../../envs/walker2d';
import { pack as ant } from '../../../../envs/ant';

// [pack, gymId, obs size, action size, action bound, episode limit, transitions, cut-offs].
// Reacher and Pusher trajectories all run to the limit, so each of their 10 ends in a cut-off.
const cases: Array<[EnvPack, string, number, number, number, number, number, number]> = [
  [reacher, 'Reacher-v4', 11, 2, 1, 50, 500, 10],
  [pusher, 'Pusher-v4', 23, 7, 2, 100, 1000, 10],
  [invertedPendulum, 'InvertedPendulum-v4', 4, 1, 3, 1000, 381, 0],
  [invertedDoublePendulum, 'InvertedDoublePendulum-v4', 11, 1, 1, 1000, 210, 0],
  [halfcheetah, 'HalfCheetah-v4', 17, 6, 1, 1000, 1000, 0],
  [hopper, 'Hopper-v4', 11, 3, 1, 1000, 972, 0],
  [swimmer, 'Swimmer-v4', 8, 2, 1, 1000, 1000, 0],
  [walker2d, 'Walker2d-v4', 17, 6, 1, 1000, 969, 0],
  [ant, 'Ant-v4', 27, 8, 1, 1000, 20, 0],
];

describe.each(cases.map(([pack, gymId, obs, act, bound, limit, total, cut]) => ({ pack, gymId, obs, act, bound, limit, total, cut })))(
  'transitions-only pack $gymId',
  ({ pack, gymId, obs, act, bound, limit, total, cut }) => {
    it('has no simulator and is set up for CEM on tolerant comparison', () => {
      expect(pack.createSimulator).toBeUndefined();
      expect(pack.heuristicPolicy).toBeUndefined();
      expect(pack.spec).toMatchObject({ gymId, hasSimulator: false, cwmb: true, planner: 'cem', stateComparison: 'tolerant', episodeLimit: limit });
      expect(pack.datasets.map((d) => d.id)).toEqual(['cwmb']);
      expect(pack.datasets[0].attribution).toMatch(/Apache-2\.0/);
    });

    it('declares spaces with labels that match its data', async () => {
      const { observation, action } = pack.spec;
      if (observation.kind !== 'box' || action.kind !== 'box') throw new Error('expected box spaces');
      expect(observation.shape).toEqual([obs]);
      expect(observation.labels).toHaveLength(obs);
      expect(action.shape).toEqual([act]);
      expect(action.labels).toHaveLength(act);
      expect(action.low).toEqual(new Array(act).fill(-bound));
      expect(action.high).toEqual(new Array(act).fill(bound));
      const data = await pack.datasets[0].load();
      expect(data).toHaveLength(total);
      for (const t of data) {
        expect((t.state as number[]).length).toBe(obs);
        expect((t.next_state as number[]).length).toBe(obs);
        expect((t.action as number[]).length).toBe(act);
        for (const a of t.action as number[]) expect(Math.abs(a)).toBeLessThanOrEqual(bound);
      }
      expect(data.filter((t) => t.truncated)).toHaveLength(cut);
    });

    it('describes every observation element', () => {
      for (let i = 0; i < obs; i++) expect(pack.spec.description).toContain(`[${i}]`);
      expect(pack.spec.description).not.toContain(`[${obs}]`);
    });
  },
);
