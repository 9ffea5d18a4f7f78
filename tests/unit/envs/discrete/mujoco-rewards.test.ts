import { describe, expect, it } from 'vitest';
import { closeEnough } from '../../../../src/core/cwm/metric';
import type { Transition } from '../../../../src/core/env/types';
import { pack as reacher } from '../../../../envs/reacher';
import { pack as pusher } from '../../../../envs/pusher';
import { pack as invertedPendulum } from '../../../../envs/inverted-pendulum';
import { pack as invertedDoublePendulum } from '../../../../envs/inverted-double-pendulum';

// The descriptions state closed-form rewards and terminations; these tests hold them to the data.

const sumSq = (a: number[]) => a.reduce((s, x) => s + x * x, 0);
const dist = (s: number[], i: number, j: number) => Math.hypot(s[i] - s[j], s[i + 1] - s[j + 1], s[i + 2] - s[j + 2]);

/** Indices of transitions whose reward the formula misses, split by first step of a trajectory or not. */
function misses(data: Transition[], reward: (t: Transition) => number): { first: number; later: number } {
  let first = 0;
  let later = 0;
  data.forEach((t, i) => {
    if (closeEnough(reward(t), t.reward)) return;
    if (t.traj_start === i) first++;
    else later++;
  });
  return { first, later };
}

describe('MuJoCo descriptions agree with the CWMB data', () => {
  it('Reacher: -distance before the step - |a|² on every step after the first of an episode', async () => {
    const data = await reacher.datasets[0].load();
    const s = (t: Transition) => t.state as number[];
    const formula = (t: Transition) => -Math.hypot(s(t)[8], s(t)[9], s(t)[10]) - sumSq(t.action as number[]);
    // CWMB's first step of each episode carries the control cost only (its distance term was 0).
    expect(misses(data, formula)).toEqual({ first: 10, later: 0 });
    expect(misses(data, (t) => -sumSq(t.action as number[])).first).toBe(0);
  });

  it('Reacher: the fingertip geometry of the description matches dx, dy to within 0.005', async () => {
    const data = await reacher.datasets[0].load();
    let worst = 0;
    for (const t of data) {
      const n = t.next_state as number[];
      const q0 = Math.atan2(n[2], n[0]);
      const q1 = Math.atan2(n[3], n[1]);
      worst = Math.max(worst, Math.abs(0.1 * Math.cos(q0) + 0.11 * Math.cos(q0 + q1) - n[4] - n[8]));
      worst = Math.max(worst, Math.abs(0.1 * Math.sin(q0) + 0.11 * Math.sin(q0 + q1) - n[5] - n[9]));
    }
    // MuJoCo computes body positions before the last physics substep, so the offsets lag the
    // joint angles slightly: the geometry is close, not exact (the description says so).
    expect(worst).toBeGreaterThan(1e-4);
    expect(worst).toBeLessThan(5e-3);
  });

  it('Pusher: -|object-goal| - 0.1|a|² - 0.5|object-tip| before the step, after the first step', async () => {
    const data = await pusher.datasets[0].load();
    const formula = (t: Transition) => {
      const s = t.state as number[];
      return -dist(s, 17, 20) - 0.1 * sumSq(t.action as number[]) - 0.5 * dist(s, 17, 14);
    };
    expect(misses(data, formula)).toEqual({ first: 10, later: 0 });
  });

  it('InvertedPendulum: reward 1, done exactly when |angle| > 0.2', async () => {
    const data = await invertedPendulum.datasets[0].load();
    expect(data.every((t) => t.reward === 1)).toBe(true);
    expect(data.every((t) => t.done === Math.abs((t.next_state as number[])[1]) > 0.2)).toBe(true);
    expect(data.filter((t) => t.done)).toHaveLength(10);
  });

  it('InvertedDoublePendulum: reward from the tip position and velocities, done when the tip is at or below 1', async () => {
    const data = await invertedDoublePendulum.datasets[0].load();
    let worst = 0;
    for (const t of data) {
      const n = t.next_state as number[];
      const t1 = Math.atan2(n[1], n[3]);
      const t2 = Math.atan2(n[2], n[4]);
      const x = n[0] + 0.6 * Math.sin(t1) + 0.6 * Math.sin(t1 + t2);
      const y = 0.6 * Math.cos(t1) + 0.6 * Math.cos(t1 + t2);
      worst = Math.max(worst, Math.abs(10 - 0.01 * x * x - (y - 2) ** 2 - 1e-3 * n[6] ** 2 - 5e-3 * n[7] ** 2 - t.reward));
      expect(t.done).toBe(y <= 1);
    }
    // Float32 observations (sin/cos, clipped velocities) leave a small residue.
    expect(worst).toBeLessThan(1e-4);
  });
});
