import { describe, expect, it } from 'vitest';
import type { Transition } from '../../../src/core/env/types';
import { distinctRewards, filterTransitions, formatNumber, formatValue, NO_FILTER, trajectoriesOf } from '../../../src/core/env/filter';
import { keyHints, keyToAction } from '../../../src/ui/env/keys';
import { describeSpace } from '../../../src/ui/gallery/spaces';
import { formatDuration, formatScore } from '../../../src/ui/run/format';

const t = (traj: number, reward: number, done: boolean): Transition => ({ state: [0], action: 0, next_state: [1], reward, done, traj_start: traj });
// Two trajectories (starting at 0 and 3) with a goal reward on the last step of each.
const data = [t(0, 0, false), t(0, 0, false), t(0, 1, true), t(3, 0, false), t(3, -1, true)];

describe('dataset filter', () => {
  it('lists trajectories with their numbers and lengths', () => {
    expect(trajectoriesOf(data)).toEqual([
      { start: 0, number: 1, length: 3 },
      { start: 3, number: 2, length: 2 },
    ]);
    expect(trajectoriesOf([{ ...data[0], traj_start: undefined }])).toEqual([{ start: 0, number: 1, length: 1 }]);
  });

  it('filters by trajectory, terminal and reward, keeping recorded order', () => {
    expect(filterTransitions(data, NO_FILTER)).toEqual([0, 1, 2, 3, 4]);
    expect(filterTransitions(data, { ...NO_FILTER, trajectory: 3 })).toEqual([3, 4]);
    expect(filterTransitions(data, { ...NO_FILTER, terminal: 'terminal' })).toEqual([2, 4]);
    expect(filterTransitions(data, { ...NO_FILTER, terminal: 'non-terminal', trajectory: 0 })).toEqual([0, 1]);
    expect(filterTransitions(data, { ...NO_FILTER, reward: -1 })).toEqual([4]);
    expect(filterTransitions(data, { ...NO_FILTER, rewardMin: 0, rewardMax: 0.5 })).toEqual([0, 1, 3]);
    expect(filterTransitions(data, { ...NO_FILTER, trajectory: 99 })).toEqual([]);
  });

  it('offers distinct rewards only when there are few of them', () => {
    expect(distinctRewards(data)).toEqual([-1, 0, 1]);
    const continuous = Array.from({ length: 20 }, (_, i) => t(0, i / 7, false));
    expect(distinctRewards(continuous)).toBeNull();
    expect(distinctRewards(continuous, 20)).toHaveLength(20);
  });

  it('formats cells compactly', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(-0.0123456)).toBe('-0.01235');
    expect(formatNumber(123456.7)).toBe('123500');
    expect(formatValue([1, 0.5, -2.25001])).toBe('[1, 0.5, -2.25]');
  });
});

describe('play keys', () => {
  const discrete = { action: { kind: 'discrete' as const, n: 3, labels: ['left', 'none', 'right'] }, keys: { ArrowLeft: 0, ArrowRight: 2, a: 0 } };
  const box = { action: { kind: 'box' as const, shape: [2] as [number], low: [-2, -1], high: [2, 1] } };

  it('maps keys to actions', () => {
    expect(keyToAction(discrete, 'ArrowLeft')).toBe(0);
    expect(keyToAction(discrete, 'A')).toBe(0);
    expect(keyToAction(discrete, '1')).toBe(1); // digits pick an action directly
    expect(keyToAction(discrete, '3')).toBeNull(); // out of range
    expect(keyToAction(discrete, 'x')).toBeNull();
    expect(keyToAction(box, 'ArrowLeft')).toEqual([-2, 0]);
    expect(keyToAction(box, 'ArrowRight')).toEqual([2, 0]);
    expect(keyToAction(box, 'ArrowDown')).toEqual([0, 0]);
  });

  it('describes the keys in words', () => {
    expect(keyHints(discrete)).toBe('←/A left, → right');
    expect(keyHints(box)).toBe('← / → for full force, ↓ for none');
  });
});

describe('display formats', () => {
  it('formats spaces, scores and durations', () => {
    expect(describeSpace({ kind: 'discrete', n: 2, labels: ['push left', 'push right'] })).toBe('2 discrete: push left, push right');
    expect(describeSpace({ kind: 'box', shape: [1], low: [-2], high: [2] })).toBe('continuous in [-2, 2]');
    expect(describeSpace({ kind: 'box', shape: [4], low: [0, 0, 0, 0], high: [1, 1, 1, 1] })).toBe('continuous, 4 dimensions');
    expect(formatScore(1)).toBe('1.000');
    expect(formatScore(0.9)).toBe('0.900');
    expect(formatScore(0.666666)).toBe('0.667');
    expect(formatScore(0)).toBe('0.000');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(61_500)).toBe('1:01');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});
