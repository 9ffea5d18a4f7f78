import { describe, expect, it } from 'vitest';
import { recordTrajectories } from '../../../../src/core/env/record';
import { Rng } from '../../../../src/core/rng';
import { pack } from '../../../../envs/pendulum';
import { angleNormalize } from '../../../../envs/pendulum/sim';
import { expectDeterministicRecording, expectSameData, expectWellFormedRecording, loadDataset, replay, stepFrom } from './conformance';

describe('pendulum pack', () => {
  it('spec matches Pendulum-v1', () => {
    expect(pack.spec.gymId).toBe('Pendulum-v1');
    expect(pack.spec.episodeLimit).toBe(200);
    expect(pack.spec.planner).toBe('cem');
    expect(pack.datasets.map((d) => d.id)).toEqual(['cwmb', 'recorded']);
  });

  it('reproduces every CWMB transition (its 100-step trajectories have no cut-offs)', async () => {
    const data = await loadDataset(pack, 'cwmb');
    const result = replay(pack, data);
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ total: 1000, matched: 1000, cutoffs: 0 });
  });

  it('costs the state before the step and clips the torque', () => {
    const [next, reward, done] = stepFrom(pack, [1, 0, 0], [2]);
    expect(reward).toBeCloseTo(-0.004, 15); // 0.001·u², upright and still
    expect(next[2]).toBeCloseTo(0.3, 15); // 3u·dt
    expect(next[0]).toBeCloseTo(Math.cos(0.015), 15);
    expect(next[1]).toBeCloseTo(Math.sin(0.015), 15);
    expect(done).toBe(false);
    expect(stepFrom(pack, [1, 0, 0], [5])).toEqual(stepFrom(pack, [1, 0, 0], [2]));
    const [, tilted] = stepFrom(pack, [Math.cos(1), Math.sin(1), 2], [0]);
    expect(tilted).toBeCloseTo(-(1 + 0.1 * 4), 14);
  });

  it('clips the speed at 8 before moving the angle', () => {
    const [next] = stepFrom(pack, [1, 0, 7.9], [2]);
    expect(next[2]).toBe(8);
    expect(next[0]).toBeCloseTo(Math.cos(0.4), 15);
  });

  it('normalizes angles like Python: into [-pi, pi)', () => {
    expect(angleNormalize(Math.PI)).toBeCloseTo(-Math.PI, 15);
    expect(angleNormalize(-Math.PI)).toBeCloseTo(-Math.PI, 15);
    expect(angleNormalize((3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2, 14);
    expect(angleNormalize((-3 * Math.PI) / 2)).toBeCloseTo(Math.PI / 2, 14);
    expect(stepFrom(pack, [-1, 0, 0], [0])[1]).toBeCloseTo(-(Math.PI ** 2), 14);
  });

  it('resets theta in [-pi, pi] and thetaDot in [-1, 1]', () => {
    const sim = pack.createSimulator!();
    const rng = Rng.seeded(1);
    for (let i = 0; i < 200; i++) expect(Math.abs((sim.reset(rng) as number[])[2])).toBeLessThan(1);
  });

  it('records deterministically per seed', () => expectDeterministicRecording(pack));

  it('ships recorded data equal to recordTrajectories(pack, 0, 10), well formed', async () => {
    const shipped = await loadDataset(pack, 'recorded');
    expectSameData(shipped, recordTrajectories(pack, 0, 10));
    expectWellFormedRecording(pack, shipped, () => false);
    expect(shipped.filter((t) => t.truncated).length).toBe(10);
    expect(replay(pack, shipped).failures).toEqual([]);
  });
});
