import { describe, expect, it } from 'vitest';
import { recordTrajectories } from '../../../../src/core/env/record';
import { pack } from '../../../../envs/mountaincar-continuous';
import { expectDeterministicRecording, expectSameData, expectWellFormedRecording, loadDataset, replay, stepFrom } from './conformance';

const terminal = ([position, velocity]: number[]) => position >= 0.45 && velocity >= 0;

describe('mountaincar-continuous pack', () => {
  it('spec matches MountainCarContinuous-v0, outside CWMB', () => {
    expect(pack.spec.gymId).toBe('MountainCarContinuous-v0');
    expect(pack.spec.episodeLimit).toBe(999);
    expect(pack.spec.planner).toBe('cem');
    expect(pack.spec.cwmb).toBe(false);
    expect(pack.datasets.map((d) => d.id)).toEqual(['recorded']);
  });

  it('steps with power 0.0015 and charges 0.1·throttle²', () => {
    const [next, reward, done] = stepFrom(pack, [-0.5, 0], [0.5]);
    const v = 0.5 * 0.0015 - 0.0025 * Math.cos(-1.5);
    expect(next[1]).toBeCloseTo(v, 17);
    expect(next[0]).toBeCloseTo(-0.5 + v, 16);
    expect(reward).toBeCloseTo(-0.025, 15);
    expect(done).toBe(false);
  });

  it('clips the throttle for the force but charges it unclipped', () => {
    const [clipped, reward] = stepFrom(pack, [-0.5, 0], [2]);
    expect(clipped).toEqual(stepFrom(pack, [-0.5, 0], [1])[0]);
    expect(reward).toBeCloseTo(-0.4, 15);
  });

  it('pays 100 at the flag (goal 0.45) and zeroes velocity at the left wall only', () => {
    const [, reward, done] = stepFrom(pack, [0.44, 0.03], [0.5]);
    expect(done).toBe(true);
    expect(reward).toBeCloseTo(100 - 0.025, 12);
    expect(stepFrom(pack, [-1.19, -0.05], [-1])[0]).toEqual([-1.2, 0]);
    expect(stepFrom(pack, [0.59, 0.07], [1])[0]).toEqual([0.6, 0.07]);
  });

  it('records deterministically per seed', () => expectDeterministicRecording(pack));

  it('ships recorded data equal to recordTrajectories(pack, 0, 10), well formed', async () => {
    const shipped = await loadDataset(pack, 'recorded');
    expectSameData(shipped, recordTrajectories(pack, 0, 10));
    expectWellFormedRecording(pack, shipped, terminal);
    const result = replay(pack, shipped);
    expect(result.failures).toEqual([]);
    expect(result.cutoffs).toBe(shipped.filter((t) => t.truncated).length);
    // Every heuristic episode reaches the flag.
    expect(shipped.filter((t) => t.done && t.reward > 99).length).toBeGreaterThanOrEqual(5);
  });
});
