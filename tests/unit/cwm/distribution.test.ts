import { describe, expect, it } from 'vitest';
import { crps, outcomeKey, scoreDistribution, SMOOTHING } from '../../../src/core/cwm/distribution';
import type { Prediction } from '../../../src/core/cwm/types';
import type { Transition } from '../../../src/core/env/types';

const t = (state: number, action: number, next: number, reward = 0, done = false): Transition => ({ state, action, next_state: next, reward, done });
const p = (next: number, reward = 0, done = false): Prediction => ({ next_state: next, reward, done });

describe('the distributional score of discrete worlds', () => {
  it('is the geometric mean of the smoothed probabilities of the recorded outcomes', () => {
    // One pair recorded twice (outcomes 1 and 2), one pair recorded once (outcome 5).
    const data = [t(0, 0, 1), t(0, 0, 2), t(3, 1, 5)];
    const samples = [
      [p(1), p(1), p(2), p(3)],
      [p(2), p(1), p(1), p(1)],
      [p(5), p(5), p(5), p(6)],
    ];
    const r = scoreDistribution(data, samples, 'exact');
    // Pair (0,0): 8 samples, outcomes 1×5, 2×2, 3×1 (m = 3); pair (3,1): 4 samples, 5×3, 6×1 (m = 2).
    const a = SMOOTHING;
    const l1 = (5 + a) / (8 + a * 4);
    const l2 = (2 + a) / (8 + a * 4);
    const l3 = (3 + a) / (4 + a * 3);
    expect(r.logLikelihood).toBeCloseTo((Math.log(l1) + Math.log(l2) + Math.log(l3)) / 3, 15);
    expect(r.score).toBeCloseTo(Math.cbrt(l1 * l2 * l3), 15);
    // TV on the repeated pair: program {1: 5/8, 2: 2/8, 3: 1/8} vs recorded {1: 1/2, 2: 1/2}.
    expect(r.tv).toBeCloseTo((Math.abs(5 / 8 - 1 / 2) + Math.abs(2 / 8 - 1 / 2) + 1 / 8) / 2, 15);
    expect(r.repeatedPairs).toBe(1);
    expect(r.samples).toBe(4);
  });

  it('ignores the next state of terminal outcomes, as the metric does, but not the reward', () => {
    expect(outcomeKey(7, 1, true)).toBe(outcomeKey(9, 1, true));
    expect(outcomeKey(7, 1, true)).not.toBe(outcomeKey(7, 0, true));
    expect(outcomeKey([1, 2], 0, false)).toBe('N|0|1,2');
  });

  it('ranks a right stochastic program above a deterministic one that only ever gives the likeliest outcome', () => {
    // A coin: the pair (0, 0) is recorded 10 times, 5 heads (1) and 5 tails (2).
    const data = Array.from({ length: 10 }, (_, i) => t(0, 0, i < 5 ? 1 : 2));
    const fair = data.map(() => Array.from({ length: 8 }, (_, k) => p(k % 2 ? 2 : 1)));
    const always = data.map(() => Array.from({ length: 8 }, () => p(1)));
    const a = scoreDistribution(data, fair, 'exact');
    const b = scoreDistribution(data, always, 'exact');
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.tv).toBe(0);
    expect(b.tv).toBe(0.5);
  });
});

describe('the distributional score of continuous worlds', () => {
  it('uses the CRPS of the samples, which is 0 only when every sample is the recorded value', () => {
    expect(crps([1, 1, 1], 1)).toBe(0);
    expect(crps([0, 2], 1)).toBeCloseTo(1 - 0.5, 15);
    const data: Transition[] = [{ state: [0], action: [0], next_state: [1], reward: 0, done: false }];
    const exact = scoreDistribution(data, [[{ next_state: [1], reward: 0, done: false }]], 'tolerant');
    expect(exact.score).toBe(1);
    expect(exact.crps).toBe(0);
  });
});
