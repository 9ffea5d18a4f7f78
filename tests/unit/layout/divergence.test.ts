import { describe, expect, it } from 'vitest';
import { stepDifferences } from '../../../src/core/layout';

describe('stepDifferences', () => {
  it('accepts float noise within the metric tolerance and flags what is beyond it', () => {
    expect(stepDifferences([[0.1, 2], 1, false], [[0.1 + 5e-6, 2], 1, false], 'tolerant')).toEqual([]);
    expect(stepDifferences([[0.1, 2], 1, false], [[0.1, 2.001], 1, false], 'tolerant')).toEqual([{ what: 'state[1]', real: 2, model: 2.001 }]);
  });

  it('compares discrete states exactly', () => {
    expect(stepDifferences([36, -100, false], [36.000001, -100, false], 'exact')).toEqual([{ what: 'state', real: 36, model: 36.000001 }]);
    expect(stepDifferences([36, -100, false], [36, -100, false], 'exact')).toEqual([]);
  });

  it('flags reward, done and shape mismatches, and non-numbers as null', () => {
    expect(stepDifferences([[1, 2], 1, false], [[1], 0, true], 'tolerant')).toEqual([
      { what: 'state[1]', real: 2, model: null },
      { what: 'reward', real: 1, model: 0 },
      { what: 'done', real: false, model: true },
    ]);
    expect(stepDifferences([[1], 1, false], [[Number.NaN], 1, false], 'tolerant')).toEqual([{ what: 'state[0]', real: 1, model: Number.NaN }]);
  });

  it('ignores the next state when the real step ends the episode, as the metric does', () => {
    expect(stepDifferences([[9, 9], 1, true], [[0, 0], 1, true], 'tolerant')).toEqual([]);
  });
});
