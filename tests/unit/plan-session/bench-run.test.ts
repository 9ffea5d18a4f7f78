import { describe, expect, it } from 'vitest';
import { benchCells, bestByCall, cellKey, parseBenchLines, scoreCurves } from '../../../src/core/bench/run';
import type { BenchResult } from '../../../src/core/bench/table';
import type { RunRecord } from '../../../src/core/run/types';

const result = (strategy: BenchResult['strategy'], bestByCall: number[]): BenchResult => ({
  envId: 'cartpole',
  discrete: true,
  strategy,
  seed: 0,
  accuracyPaper: 1,
  accuracyTolerant: 1,
  R: 1,
  calls: bestByCall.length,
  bestByCall,
});

describe('benchmark bookkeeping', () => {
  it('lists cells environment-major with stable keys', () => {
    const cells = benchCells(['cartpole', 'taxi'], ['gif-mcts', 'worldcoder'], [0, 1]);
    expect(cells.map(cellKey)).toEqual([
      'cartpole|gif-mcts|0',
      'cartpole|gif-mcts|1',
      'cartpole|worldcoder|0',
      'cartpole|worldcoder|1',
      'taxi|gif-mcts|0',
      'taxi|gif-mcts|1',
      'taxi|worldcoder|0',
      'taxi|worldcoder|1',
    ]);
  });

  it('tracks the best score after each call, ignoring buggy programs', () => {
    const node = (id: number, callId: number | undefined, score: number, bug: string | null = null) => ({ id, callId, score, bug });
    const record = {
      calls: [{ id: 0 }, { id: 1 }, { id: 2 }, { id: 3 }],
      nodes: [node(0, undefined, 0), node(1, 0, 0.4), node(2, 1, 0, 'TypeError'), node(3, 2, 0.3), node(4, 3, 0.9)],
    } as unknown as RunRecord;
    expect(bestByCall(record)).toEqual([0.4, 0.4, 0.4, 0.9]);
  });

  it('averages the curves per strategy, holding a finished run at its last best', () => {
    const curves = scoreCurves([result('gif-mcts', [0.5, 1]), result('gif-mcts', [0.2, 0.4, 0.6]), result('worldcoder', [])]);
    expect(curves).toEqual([
      {
        strategy: 'gif-mcts',
        points: [
          { call: 1, score: 0.35 },
          { call: 2, score: 0.7 },
          { call: 3, score: 0.8 },
        ],
      },
      { strategy: 'worldcoder', points: [] },
    ]);
  });

  it('reads results lines, skipping a line cut short by an interrupted write', () => {
    const good = JSON.stringify(result('refine', [1]));
    expect(parseBenchLines(`${good}\n\n{"envId":"cartpole","strat\n${good}\n`)).toHaveLength(2);
    expect(parseBenchLines('[1,2]\nnull\n"x"\n')).toEqual([]);
  });
});
