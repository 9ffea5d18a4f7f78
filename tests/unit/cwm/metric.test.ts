import { describe, expect, it } from 'vitest';
import { closeEnough, rewardWeights, scorePredictions, scoreTransition, stateAccuracy } from '../../../src/core/cwm/metric';
import type { Prediction } from '../../../src/core/cwm/types';
import type { Transition } from '../../../src/core/env/types';

const tol = { comparison: 'tolerant', reward: 'tolerant' } as const;
const t = (state: number[] | number, next: number[] | number, reward: number, done = false, extra: Partial<Transition> = {}): Transition => ({
  state,
  action: 0,
  next_state: next,
  reward,
  done,
  ...extra,
});
const p = (next: number[] | number, reward: number, done = false): Prediction => ({ next_state: next, reward, done });

describe('element comparison', () => {
  it('uses 1e-5 absolute plus 1e-5 relative tolerance', () => {
    expect(closeEnough(1e-5, 0)).toBe(true);
    expect(closeEnough(1.01e-5, 0)).toBe(false);
    expect(closeEnough(1000.01, 1000)).toBe(true); // bound 1e-5 + 1e-2
    expect(closeEnough(1000.0101, 1000)).toBe(false);
    expect(closeEnough(-0.5, -0.500005)).toBe(true);
  });
  it('is exact for discrete states and rejects non-finite predictions', () => {
    expect(stateAccuracy([36], [36], 'exact')).toBe(1);
    expect(stateAccuracy(36.0000001, 36, 'exact')).toBe(0);
    expect(stateAccuracy(36.0000001, 36, 'tolerant')).toBe(1);
    expect(stateAccuracy([NaN, 1], [0, 1], 'tolerant')).toBe(0.5);
    expect(stateAccuracy([Infinity], [Infinity], 'tolerant')).toBe(0);
  });
  it('gives partial credit per element, missing elements counting as wrong', () => {
    expect(stateAccuracy([1, 2, 0, 0], [1, 2, 3, 4], 'tolerant')).toBe(0.5);
    expect(stateAccuracy([1, 2], [1, 2, 3, 4], 'tolerant')).toBe(0.5);
    expect(stateAccuracy([1, 2, 3, 4, 5], [1, 2, 3, 4], 'tolerant')).toBe(1);
  });
});

describe('one transition', () => {
  it('weighs state, reward and done by a third each when not terminal', () => {
    const s = scoreTransition(p([1, 2, 0, 0], 1, false), t([0], [1, 2, 3, 4], 1), 'tolerant', 'tolerant');
    expect(s.acc).toBeCloseTo((0.5 + 1 + 1) / 3, 15);
    expect(s.full).toBe(false);
  });
  it('ignores the next state of a terminal transition and weighs reward and done by half', () => {
    expect(scoreTransition(p([9, 9], 1, true), t([0], [1, 2], 1, true), 'tolerant', 'tolerant')).toEqual({
      acc: 1,
      state: 1,
      reward: true,
      done: true,
      full: true,
    });
    expect(scoreTransition(p([1, 2], 1, false), t([0], [1, 2], 1, true), 'tolerant', 'tolerant').acc).toBe(0.5);
  });
  it('compares rewards exactly in paper mode and with tolerance otherwise', () => {
    const truth = t([0], [0], -0.12345678);
    expect(scoreTransition(p([0], -0.1234568, false), truth, 'tolerant', 'paper').reward).toBe(false);
    expect(scoreTransition(p([0], -0.1234568, false), truth, 'tolerant', 'tolerant').reward).toBe(true);
  });
});

describe('dataset score', () => {
  it('weights transitions by the inverse count of their reward value', () => {
    expect(rewardWeights([t(0, 0, -1), t(0, 0, -1), t(0, 0, 20), t(0, 0, -1)])).toEqual([1 / 3, 1 / 3, 1, 1 / 3]);
  });
  it('pins a Taxi-like golden value: rare goal rewards count as much as all the steps', () => {
    const data = [t(1, 2, -1), t(2, 3, -1), t(3, 4, -1), t(4, 4, 20, true)];
    const preds = [p(2, -1), p(3, -1), p(4, -1), p(4, 20, false)];
    const r = scorePredictions(data, preds, { comparison: 'exact', reward: 'tolerant' });
    expect(r.score).toBe(0.75); // (3 × 1/3 × 1 + 1 × 0.5) / (3 × 1/3 + 1)
    expect(r.accuracy).toBe(0.875); // (1 + 1 + 1 + 0.5) / 4
    expect(r.correct).toBe(3);
    expect(r.solved).toBe(false);
    expect(r.firstFailure).toEqual({ index: 3, state: 4, action: 0, expected: { next_state: 4, reward: 20, done: true }, predicted: { next_state: 4, reward: 20, done: false } });
    expect(r.breakdown).toEqual({ state: 1, reward: 1, done: 0.75 });
  });
  it('pins a continuous golden value with partial credit', () => {
    const data = [t([0, 0], [1, 2], 1), t([1, 2], [3, 4], 1), t([3, 4], [5, 6], 1)];
    const preds = [p([1, 2], 1), p([3, 0], 1), p([0, 0], 0, true)];
    const r = scorePredictions(data, preds, tol);
    expect(r.score).toBeCloseTo((1 + (0.5 + 2) / 3 + 0) / 3, 15);
    expect(r.correct).toBe(1);
    expect(r.firstFailure?.index).toBe(1);
  });
  it('scores a correct program exactly 1 and counts cut-offs without blaming them', () => {
    const data = [t(0, 1, -1), t(1, 2, -1, true, { truncated: true })];
    const preds = [p(1, -1), p(2, -1, false)];
    const r = scorePredictions(data, preds, tol);
    expect(r.solved).toBe(true);
    expect(r.firstFailure).toBeNull();
    expect(r.score).toBeCloseTo(0.75, 15); // the cut-off still counts, as in the paper
    const perfect = scorePredictions([data[0]], [preds[0]], tol);
    expect(perfect.score).toBe(1);
  });
  it('refuses a prediction count that does not match', () => {
    expect(() => scorePredictions([t(0, 0, 0)], [], tol)).toThrow(/expected 1 predictions/);
  });
});
