import { describe, expect, it } from 'vitest';
import { recordTrajectories } from '../../../../src/core/env/record';
import { Rng } from '../../../../src/core/rng';
import { pack } from '../../../../envs/cartpole';
import { expectDeterministicRecording, expectSameData, expectWellFormedRecording, loadDataset, replay, stepFrom } from './conformance';

const THETA_LIMIT = (12 * 2 * Math.PI) / 360;
const terminal = ([x, , theta]: number[]) => Math.abs(x) > 2.4 || Math.abs(theta) > THETA_LIMIT;

describe('cartpole pack', () => {
  it('spec matches CartPole-v1', () => {
    expect(pack.spec.gymId).toBe('CartPole-v1');
    expect(pack.spec.episodeLimit).toBe(500);
    expect(pack.spec.planner).toBe('mcts');
    expect(pack.spec.cwmb).toBe(true);
    expect(pack.datasets.map((d) => d.id)).toEqual(['cwmb', 'recorded']);
  });

  it('reproduces every CWMB transition (no time-limit cut-offs in this data)', async () => {
    const data = await loadDataset(pack, 'cwmb');
    const result = replay(pack, data);
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ total: 402, matched: 402, cutoffs: 0 });
  });

  it('pushing right from rest gives the closed-form Euler step', () => {
    // temp = 100/11, thetaAcc = -600/41, xAcc = 400/41; Euler moves positions with old velocities.
    const [next, reward, done] = stepFrom(pack, [0, 0, 0, 0], 1);
    expect(next[0]).toBe(0);
    expect(next[1]).toBeCloseTo(8 / 41, 15);
    expect(next[2]).toBe(0);
    expect(next[3]).toBeCloseTo(-12 / 41, 15);
    expect([reward, done]).toEqual([1, false]);
    const [left] = stepFrom(pack, [0.1, 0.5, 0, 0], 0);
    expect(left[0]).toBeCloseTo(0.1 + 0.02 * 0.5, 15);
    expect(left[1]).toBeCloseTo(0.5 - 0.02 * (400 / 41), 15);
  });

  it('terminates past the track ends or 12 degrees, still paying 1', () => {
    expect(stepFrom(pack, [2.39, 1, 0, 0], 1).slice(1)).toEqual([1, true]);
    expect(stepFrom(pack, [-2.39, -1, 0, 0], 0).slice(1)).toEqual([1, true]);
    expect(stepFrom(pack, [0, 0, 0.2, 1], 1).slice(1)).toEqual([1, true]);
    expect(stepFrom(pack, [0, 0, 0.2, 0], 1).slice(1)).toEqual([1, false]);
  });

  it('resets uniformly within ±0.05', () => {
    const sim = pack.createSimulator!();
    const rng = Rng.seeded(1);
    for (let i = 0; i < 200; i++) for (const v of sim.reset(rng) as number[]) expect(Math.abs(v)).toBeLessThan(0.05);
  });

  it('records deterministically per seed', () => expectDeterministicRecording(pack));

  it('ships recorded data equal to recordTrajectories(pack, 0, 10), well formed', async () => {
    const shipped = await loadDataset(pack, 'recorded');
    expectSameData(shipped, recordTrajectories(pack, 0, 10));
    expectWellFormedRecording(pack, shipped, terminal);
    expect(replay(pack, shipped).failures).toEqual([]);
  });
});
