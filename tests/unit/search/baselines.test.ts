import { describe, expect, test } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { strategies } from '../../../src/core/search/registry';
import type { SearchEvent } from '../../../src/core/search/types';
import { WorldCoderSession } from '../../../src/core/search/worldcoder';
import { program, toyContext } from './scripted';
import { actionTrace, treeTable } from './trace';

describe('WorldCoder (Thompson sampling, C = 5)', () => {
  const script = [program('A', 'SCORE 0.4'), program('B', 'BUG e'), program('C', 'SCORE 0.6'), program('D', 'SCORE 0.2'), program('E', 'SCORE 0.8'), program('F', 'SCORE 1')];

  test('seeded golden trace of the Thompson draws', async () => {
    const events: SearchEvent[] = [];
    const session = new WorldCoderSession(toyContext(script, 10, 7, events));
    const record = await session.run();
    expect(actionTrace(events)).toEqual(['generate@0→1', 'improve@1→2', 'improve@1→3', 'improve@3→4', 'improve@3→5', 'improve@5→6']);
    // Beta draws from Rng.seeded(7), one per program in creation order; the largest is refined.
    expect(session.draws).toEqual([
      { callId: 1, nodeIds: [1], samples: [0.59262796420729], chosen: 1 },
      { callId: 2, nodeIds: [1, 2], samples: [0.5121635406045686, 0.1046351042744722], chosen: 1 },
      { callId: 3, nodeIds: [1, 2, 3], samples: [0.07522665436418181, 0.050697430024955664, 0.712175215133341], chosen: 3 },
      { callId: 4, nodeIds: [1, 2, 3, 4], samples: [0.1358694864256044, 0.04585527443112174, 0.6064141306413541, 0.44306057158032414], chosen: 3 },
      { callId: 5, nodeIds: [1, 2, 3, 4, 5], samples: [0.14947730002430495, 0.00026490248315784307, 0.46295172182672917, 0.2936037611183243, 0.7434312438157014], chosen: 5 },
    ]);
    // Beta(1 + 5r, 1 + 5(1 − r)), then β + 1 per failed refinement, α + 1 for a correct one:
    // node 1 (r 0.4): (3, 4) + two refinements that were not correct → (3, 6)
    // node 3 (r 0.6): (4, 3) + two → (4, 5); node 5 (r 0.8): (5, 2) and its child is correct → (6, 2)
    expect(session.betaOf(1)).toEqual([3, 6]);
    expect(session.betaOf(2)).toEqual([1, 6]);
    expect(session.betaOf(3)).toEqual([4, 5]);
    expect(session.betaOf(4)).toEqual([2, 5]);
    expect(session.betaOf(5)).toEqual([6, 1.9999999999999998]);
    expect(session.betaOf(0)).toBeUndefined();
    expect(record.best).toEqual({ nodeId: 6, score: 1 });
    expect(record.nodes.every((n) => n.visits === 0 && n.value === n.score)).toBe(true);
    expect(record.nodes[0]).toMatchObject({ action: 'root', parentId: null, program: '' });
  });

  test('the draws are Beta samples of the seeded RNG in node order', async () => {
    const session = new WorldCoderSession(toyContext(script, 3, 7));
    await session.run();
    const rng = Rng.seeded(7);
    // Call 1 draws Beta(3, 4) for node 1; call 2 draws Beta(3, 5) for node 1 (one failed refinement) and Beta(1, 6) for node 2.
    expect(session.draws[0].samples).toEqual([rng.beta(3, 4)]);
    expect(session.draws[1].samples).toEqual([rng.beta(3, 5), rng.beta(1, 6)]);
  });

  test('a buggy choice is fixed, a healthy one improved', async () => {
    // With C = 0 every program is Beta(1, 1) at first: the buggy program gets picked sometimes.
    const events: SearchEvent[] = [];
    const ctx = toyContext([program('A', 'BUG x'), program('B', 'SCORE 0.5'), program('C', 'SCORE 0.5'), program('D', 'SCORE 0.5')], 4, 2, events);
    ctx.params = { thompsonC: 0 };
    const record = await new WorldCoderSession(ctx).run();
    const kinds = actionTrace(events);
    expect(kinds[1]).toBe('fix@1→2');
    for (const k of kinds.slice(1)) {
      const parent = Number(k.split('@')[1].split('→')[0]);
      expect(k.startsWith(record.nodes[parent].bug ? 'fix' : 'improve')).toBe(true);
    }
    expect(record.params).toEqual({ thompsonC: 0 });
  });
});

describe('best-of-N and sequential refine', () => {
  const script = [program('A', 'SCORE 0.4'), program('B', 'BUG e'), program('C', 'SCORE 0.6'), program('D', 'SCORE 0.3')];

  test('best-of-N: N generations from scratch under the root, each with an empty-prefix prompt', async () => {
    const events: SearchEvent[] = [];
    const ctx = toyContext(script, 4, 1, events);
    const record = await strategies['best-of-n'].create(ctx).run();
    expect(actionTrace(events)).toEqual(['generate@0→1', 'generate@0→2', 'generate@0→3', 'generate@0→4']);
    expect(treeTable(record)).toEqual(['0 root p- n=0 v=0 s=0', '1 generate p0 n=0 v=0.4 s=0.4', '2 generate p0 n=0 v=0 s=0 BUG', '3 generate p0 n=0 v=0.6 s=0.6', '4 generate p0 n=0 v=0.3 s=0.3']);
    expect(record.best).toEqual({ nodeId: 3, score: 0.6 });
    // The same prompt every time: generation from scratch.
    expect(new Set(ctx.llm.requests.map((m) => JSON.stringify(m))).size).toBe(1);
    expect(ctx.llm.requests[0][1].content).toContain('Write the whole program');
  });

  test('refine: generate once, then fix or improve the latest program', async () => {
    const events: SearchEvent[] = [];
    const ctx = toyContext(script, 4, 1, events);
    const record = await strategies.refine.create(ctx).run();
    expect(actionTrace(events)).toEqual(['generate@0→1', 'improve@1→2', 'fix@2→3', 'improve@3→4']);
    expect(record.nodes.map((n) => n.parentId)).toEqual([null, 0, 1, 2, 3]);
    expect(ctx.llm.requests[2][1].content).toContain('Running it failed with this error:\n\ne');
    expect(ctx.llm.requests[1][1].content).toContain('It predicts this transition incorrectly (transition #3');
    expect(record.best).toEqual({ nodeId: 3, score: 0.6 });
  });

  test('both stop as soon as a program is correct', async () => {
    for (const id of ['best-of-n', 'refine'] as const) {
      const record = await strategies[id].create(toyContext([program('A', 'SCORE 0.5'), program('B', 'SCORE 1'), program('C', 'SCORE 0.2')], 10)).run();
      expect(record.nodes).toHaveLength(3);
      expect(record.best).toEqual({ nodeId: 2, score: 1 });
    }
  });
});
