import { describe, expect, it } from 'vitest';
import { progressSeries, syntheticRecord } from '../../../src/core/layout';
import type { CallRecord } from '../../../src/core/run/types';
import { node } from './fixtures';

const call = (id: number, kind: CallRecord['kind'], error?: string): CallRecord => ({ id, kind, messages: [], completion: '', ms: 1, tokens: 1, error });

describe('progressSeries', () => {
  it('gives the current and running best score per call; failed calls carry the best', () => {
    const record = {
      calls: [call(0, 'generate'), call(1, 'improve'), call(2, 'fix', 'timeout'), call(3, 'improve'), call(4, 'generate')],
      nodes: [
        node(0, null, 'root'),
        node(1, 0, 'generate', 0.4, { callId: 0 }),
        node(2, 1, 'improve', 0.7, { callId: 1 }),
        node(3, 2, 'user', 0.95),
        node(4, 2, 'improve', 0.6, { callId: 3 }),
        node(5, 0, 'generate', 0.8, { callId: 4 }),
      ],
    };
    expect(progressSeries(record)).toEqual([
      { call: 1, callId: 0, kind: 'generate', score: 0.4, best: 0.4, nodeId: 1 },
      { call: 2, callId: 1, kind: 'improve', score: 0.7, best: 0.7, nodeId: 2 },
      { call: 3, callId: 2, kind: 'fix', score: null, best: 0.7, nodeId: null },
      { call: 4, callId: 3, kind: 'improve', score: 0.6, best: 0.7, nodeId: 4 },
      { call: 5, callId: 4, kind: 'generate', score: 0.8, best: 0.8, nodeId: 5 },
    ]);
  });

  it('is empty without a record or calls', () => {
    expect(progressSeries(null)).toEqual([]);
    expect(progressSeries({ calls: [], nodes: [node(0, null, 'root')] })).toEqual([]);
  });

  it('never lets the best decrease and ends at the record best for a synthetic run', () => {
    const r = syntheticRecord(300, 3);
    const s = progressSeries(r);
    expect(s).toHaveLength(299);
    for (let i = 1; i < s.length; i++) expect(s[i].best).toBeGreaterThanOrEqual(s[i - 1].best);
    expect(s[s.length - 1].best).toBe(r.best!.score);
  });
});
