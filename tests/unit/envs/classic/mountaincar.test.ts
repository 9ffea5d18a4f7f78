import { describe, expect, it } from 'vitest';
import { recordTrajectories } from '../../../../src/core/env/record';
import { Rng } from '../../../../src/core/rng';
import { pack } from '../../../../envs/mountaincar';
import { expectDeterministicRecording, expectSameData, expectWellFormedRecording, loadDataset, replay, stepFrom } from './conformance';

const terminal = ([position, velocity]: number[]) => position >= 0.5 && velocity >= 0;

describe('mountaincar pack', () => {
  it('spec matches MountainCar-v0', () => {
    expect(pack.spec.gymId).toBe('MountainCar-v0');
    expect(pack.spec.episodeLimit).toBe(200);
    expect(pack.spec.planner).toBe('mcts');
    expect(pack.datasets.map((d) => d.id)).toEqual(['cwmb', 'recorded']);
  });

  it('reproduces every CWMB transition except the 5 time-limit cut-offs', async () => {
    const data = await loadDataset(pack, 'cwmb');
    const result = replay(pack, data);
    expect(result.failures).toEqual([]);
    expect(result.matchedCutoffs).toEqual([]);
    expect(result).toMatchObject({ total: 1777, matched: 1772, cutoffs: 5 });
  });

  it('steps velocity first, then position with the new velocity', () => {
    const [next, reward, done] = stepFrom(pack, [-0.5, 0], 2);
    const v = 0.001 - 0.0025 * Math.cos(-1.5);
    expect(next[1]).toBeCloseTo(v, 17);
    expect(next[0]).toBeCloseTo(-0.5 + v, 16);
    expect([reward, done]).toEqual([-1, false]);
    expect(stepFrom(pack, [-0.8, 0.069], 2)[0][1]).toBe(0.07); // downhill push past the speed limit is clipped
  });

  it('zeroes velocity at the left wall only', () => {
    expect(stepFrom(pack, [-1.19, -0.05], 0)[0]).toEqual([-1.2, 0]);
    const [right, , done] = stepFrom(pack, [0.59, 0.07], 2);
    expect(right).toEqual([0.6, 0.07]);
    expect(done).toBe(true);
  });

  it('ends at the flag only when moving right', () => {
    expect(stepFrom(pack, [0.49, 0.02], 1)[2]).toBe(true);
    expect(stepFrom(pack, [0.52, -0.01], 1)[2]).toBe(false);
  });

  it('resets position in [-0.6, -0.4] at rest', () => {
    const sim = pack.createSimulator!();
    const rng = Rng.seeded(1);
    for (let i = 0; i < 200; i++) {
      const [p, v] = sim.reset(rng) as number[];
      expect(p).toBeGreaterThanOrEqual(-0.6);
      expect(p).toBeLessThan(-0.4);
      expect(v).toBe(0);
    }
  });

  it('records deterministically per seed', () => expectDeterministicRecording(pack));

  it('ships recorded data equal to recordTrajectories(pack, 0, 10), well formed', async () => {
    const shipped = await loadDataset(pack, 'recorded');
    expectSameData(shipped, recordTrajectories(pack, 0, 10));
    expectWellFormedRecording(pack, shipped, terminal);
    // The heuristic half reaches the flag; the random half is cut off.
    expect(shipped.filter((t) => t.done).length).toBe(5);
    expect(shipped.filter((t) => t.truncated).length).toBe(5);
  });
});
