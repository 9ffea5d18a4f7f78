import { describe, expect, it } from 'vitest';
import { recordTrajectories } from '../../../../src/core/env/record';
import { Rng } from '../../../../src/core/rng';
import { pack } from '../../../../envs/acrobot';
import { expectDeterministicRecording, expectSameData, expectWellFormedRecording, loadDataset, replay, stepFrom } from './conformance';

/** The free end is above the line: -cos θ1 - cos(θ1 + θ2) > 1, from the observation. */
const terminal = ([c1, s1, c2, s2]: number[]) => -c1 - (c1 * c2 - s1 * s2) > 1;

describe('acrobot pack', () => {
  it('spec matches Acrobot-v1', () => {
    expect(pack.spec.gymId).toBe('Acrobot-v1');
    expect(pack.spec.episodeLimit).toBe(500);
    expect(pack.spec.planner).toBe('mcts');
    expect(pack.datasets.map((d) => d.id)).toEqual(['cwmb', 'recorded']);
  });

  it('reproduces every CWMB transition except the 5 time-limit cut-offs', async () => {
    const data = await loadDataset(pack, 'cwmb');
    const result = replay(pack, data);
    expect(result.failures).toEqual([]);
    expect(result.matchedCutoffs).toEqual([]);
    expect(result).toMatchObject({ total: 4521, matched: 4516, cutoffs: 5 });
    // The five terminal steps pay 0, all others -1.
    expect(data.filter((t) => t.reward === 0).every((t) => t.done)).toBe(true);
  });

  it('hanging at rest without torque stays at rest', () => {
    const [next, reward, done] = stepFrom(pack, [1, 0, 1, 0, 0, 0], 1);
    next.forEach((v, i) => expect(v).toBeCloseTo([1, 0, 1, 0, 0, 0][i], 14));
    expect([reward, done]).toEqual([-1, false]);
  });

  it('a torque turns the joints in opposite directions and is mirror symmetric', () => {
    const [plus] = stepFrom(pack, [1, 0, 1, 0, 0, 0], 2);
    const [minus] = stepFrom(pack, [1, 0, 1, 0, 0, 0], 0);
    // Initial accelerations at rest: ddθ2 = 1/(1.25 - 1.75²/4.5) > 0, ddθ1 = -1.75·ddθ2/4.5 < 0.
    expect(plus[5]).toBeGreaterThan(0);
    expect(plus[4]).toBeLessThan(0);
    const mirrored = [plus[0], -plus[1], plus[2], -plus[3], -plus[4], -plus[5]];
    minus.forEach((v, i) => expect(v).toBeCloseTo(mirrored[i], 14));
  });

  it('bounds the velocities at 4·pi and 9·pi', () => {
    // Spinning fast enough that one RK4 step overshoots each bound.
    expect(stepFrom(pack, [-1, 0, 1, 0, 12, 0], 0)[0][4]).toBe(4 * Math.PI);
    expect(Math.abs(stepFrom(pack, [1, 0, Math.cos(1), Math.sin(1), 5, 25], 2)[0][5])).toBe(9 * Math.PI);
  });

  it('ends with reward 0 when the free end is above the line', () => {
    // First link straight up: the end sits two links above the pivot.
    expect(stepFrom(pack, [-1, 0, 1, 0, 0, 0], 1).slice(1)).toEqual([0, true]);
    // First link horizontal, second hanging: the end is level with the pivot, below the line.
    expect(stepFrom(pack, [0, 1, 0, -1, 0, 0], 1).slice(1)).toEqual([-1, false]);
  });

  it('resets each angle and velocity within ±0.1', () => {
    const sim = pack.createSimulator!();
    const rng = Rng.seeded(1);
    for (let i = 0; i < 100; i++) {
      const [c1, s1, c2, s2, d1, d2] = sim.reset(rng) as number[];
      for (const v of [Math.atan2(s1, c1), Math.atan2(s2, c2), d1, d2]) expect(Math.abs(v)).toBeLessThan(0.1 + 1e-12);
    }
  });

  it('records deterministically per seed', () => expectDeterministicRecording(pack));

  it('ships recorded data equal to recordTrajectories(pack, 0, 10), well formed', async () => {
    const shipped = await loadDataset(pack, 'recorded');
    expectSameData(shipped, recordTrajectories(pack, 0, 10));
    expectWellFormedRecording(pack, shipped, terminal);
    expect(replay(pack, shipped).failures).toEqual([]);
  });
});
