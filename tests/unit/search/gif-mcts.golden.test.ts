import { describe, expect, test } from 'vitest';
import { GifMctsSession } from '../../../src/core/search/gif-mcts';
import type { SearchEvent } from '../../../src/core/search/types';
import { continuation, program, toyContext } from './scripted';
import { scenarioA, SCENARIO_A_TRACE, SCENARIO_A_TREE } from './scenario-a';
import { actionTrace, treeTable } from './trace';

/*
 * Scenario A, default parameters (L=2, C=0.1, ε=1, priors g .5 / i .55 / f .5 with pseudo-count 2,
 * w_G = w_L = 0.5, n = 3). Programs are 6 lines unless noted; a child's prefix has parent+2 lines.
 *
 * it1  root has one untried generate → generate@0 → n1 score 0.4. Widening adds a generate to the root.
 *      learn g: v_G = 1/2 = 0.5, v_L = n1 at 0 → pred 0.25, target 0.4, g = 2(0.25−0.4) = −0.3,
 *      ∂/∂w_G = g(v_G−pred)/(w_G+w_L) = −0.075, ∂/∂w_L = g(0−0.25) = 0.075, lr 1/3
 *      → w_G = 0.525, w_L = 0.475; running mean g = 1.4/3. Backup: n1 0.4 (1 visit), root 0.4/2.
 * it2  root N=2, ln 2 = 0.693147. n1: 0.4 + 0.1·sqrt(0.693147/2) = 0.458871.
 *      untried g: v_G = 0.466667, v_L = 0.4 → (0.525·0.466667 + 0.475·0.4) = 0.435, n = 1
 *      → 0.435 + 0.058871 = 0.493871 > n1 → generate@0 → n2 BUG (temporary 0.99, offers fix only).
 *      learn g: v_L = (0.4 + 0)/2 = 0.2, pred = 0.245 + 0.095 = 0.34, target 0, g = 0.68,
 *      ∂w_G = 0.68·0.126667 = 0.086133, ∂w_L = 0.68·(−0.14) = −0.0952, lr 1/4
 *      → w_G = 0.503467, w_L = 0.4988; mean g = 1.4/4 = 0.35. Visits-only backup: n2 = 0.99.
 * it3  root N=3: n1 0.4 + 0.1·sqrt(ln3/2) = 0.474115; n2 0.99 + 0.074115 = 1.064115;
 *      untried g ≈ 0.521697 + 0.060515 → n2, whose only action is fix → fix@2 → n3 BUG:
 *      2 fixes left → 0.66; the chain {n2} steps down to 0.66.
 *      learn f: v_G 0.5, v_L 0 → pred 0.25, target 0 → w_G = 0.5 − (1/3)·0.125 = 0.458333, w_L = 0.541667.
 * it4  root N=4: n1 0.483256, n2 0.66 + 0.1·sqrt(ln4/3) = 0.727978, g 0.439581 + 0.067978 → n2 → n3
 *      → fix@3 → n4 BUG, and terminal: 6 lines ≤ 4+2. 1 fix left → the chain {n3, n2} steps to 0.33.
 *      learn f: v_G = 1/3, v_L = 0 → pred 0.152778, g = 0.305556, ∂w_G = 0.055170, ∂w_L = −0.046682, lr 1/4
 *      → w_G = 0.444541, w_L = 0.553337.
 * it5  root N=5: n1 0.4 + 0.1·sqrt(ln5/2) = 0.489706 beats n2 (0.393432) and g (0.430710) → n1 (N=1,
 *      ln 1 = 0): untried g 0.35 (v_G only) < untried i 0.55 → improve@1 → n5 score 0.7 (7 lines).
 *      learn i: v_G 0.55, v_L 0 → pred 0.275, g = −0.85 → w_G = 0.5 + 0.23375/3 = 0.577917, w_L = 0.422083.
 * it6  root N=6: n1 0.55 + 0.1·sqrt(ln6/3) = 0.627282 → n1 (N=2): n5 0.7 + 0.058871 = 0.758871 beats
 *      untried i 0.642208 + 0.058871 and untried g 0.35 + 0.083255 → n5 (N=1) → improve 0.6 > generate
 *      0.35 → improve@5 → n6 score 0.5, terminal (6 lines ≤ 4+2): it stores 0 and backs up 0.5.
 * it7… as pinned below: a generate continuing n5's 4-line prefix, a buggy improve fixed at once (the
 *      chain {n8} takes its child's value 0.8), and n11 solves: the run stops before backing it up.
 */

describe('GIF-MCTS golden scenario A (widening, terminal nodes, fix chain, early stop)', () => {
  test('pins the action of every iteration and the final tree', async () => {
    const events: SearchEvent[] = [];
    const ctx = toyContext(scenarioA, 20, 1, events);
    const session = new GifMctsSession(ctx);
    const record = await session.run();
    expect(actionTrace(events)).toEqual(SCENARIO_A_TRACE);
    expect(treeTable(record)).toEqual(SCENARIO_A_TREE);
    // Early stop on the solved program, 11 of 20 calls; best = the first strictly highest score.
    expect(record.best).toEqual({ nodeId: 11, score: 1 });
    expect(record.calls).toHaveLength(11);
    expect(events.filter((e) => e.type === 'done')).toEqual([{ type: 'done', reason: 'solved' }]);
    expect(events.filter((e) => e.type === 'best').map((e) => (e.type === 'best' ? `${e.nodeId}:${e.score}` : ''))).toEqual(['1:0.4', '5:0.7', '9:0.8', '10:0.9', '11:1']);
    expect(session.finished).toBe(true);
    expect(await session.step()).toBe(false);
    expect(ctx.llm.requests).toHaveLength(11);
    // The generate at it7 kept n5's 4-line prefix verbatim and appended the continuation.
    expect(record.nodes[7].program.split('\n').slice(0, 4)).toEqual(record.nodes[5].program.split('\n').slice(0, 4));
    expect(record.nodes[7].prefix).toBe(record.nodes[7].program.split('\n').slice(0, 6).join('\n'));
    expect(record.resume?.model).toEqual({
      generate: { sum: 3, count: 6, wG: 0.5819917519585309, wL: 0.413316446863326, n: 7 },
      improve: { sum: 3.1999999999999997, count: 6, wG: 0.61807140265722, wL: 0.3707017477008608, n: 7 },
      fix: { sum: 1.8, count: 5, wG: 0.48280749313629273, wL: 0.5225945121658219, n: 6 },
    });
  });

  test('value model after each of the first five iterations matches the hand computation', async () => {
    const session = new GifMctsSession(toyContext(scenarioA, 20));
    const expected = [
      { kind: 'generate', wG: 0.525, wL: 0.475, n: 4, sum: 1.4, count: 3 },
      { kind: 'generate', wG: 0.5034666667, wL: 0.4988, n: 5, sum: 1.4, count: 4 },
      { kind: 'fix', wG: 0.4583333333, wL: 0.5416666667, n: 4, sum: 1, count: 3 },
      { kind: 'fix', wG: 0.4445408951, wL: 0.5533371914, n: 5, sum: 1, count: 4 },
      { kind: 'improve', wG: 0.5779166667, wL: 0.4220833333, n: 4, sum: 1.8, count: 3 },
    ] as const;
    for (const e of expected) {
      await session.step();
      const s = session.valueModelState()[e.kind];
      expect(s.wG).toBeCloseTo(e.wG, 9);
      expect(s.wL).toBeCloseTo(e.wL, 9);
      expect(s.n).toBe(e.n);
      expect(s.sum).toBeCloseTo(e.sum, 12);
      expect(s.count).toBe(e.count);
    }
  });

  test('the fix chain steps down 0.99 → 0.66 → 0.33 as pinned in scenario A', async () => {
    const session = new GifMctsSession(toyContext(scenarioA, 20));
    const values: number[][] = [];
    for (let i = 0; i < 4; i++) {
      await session.step();
      values.push(
        session
          .snapshot()
          .nodes.slice(2)
          .map((n) => n.value),
      );
    }
    expect(values).toEqual([[], [0.99], [0.66, 0.66], [0.33, 0.33, 0]]);
  });
});

/*
 * Scenario B: 14-line programs so fixes never end a chain by length. A buggy generate n1 (0.99)
 * is fixed three times in vain: n2 (2 left, chain {n1} → 0.66), n3 (1 left, chain {n2, n1} → 0.33);
 * the search then prefers a fresh generate n4 (BUG) whose fix n5 succeeds (score 0.3: the chain
 * {n4} takes 0.3); the third failed fix n6 of n3 has 0 fixes left: the chain {n3, n2, n1} becomes
 * terminal at 0 and n6 offers nothing.
 *   it4 choice, by hand: root N=4, n1 = 0.33 + 0.1·sqrt(ln4/4) = 0.388871; untried generate:
 *   v_G = 1/3, v_L = 0.33, w = (0.458333, 0.541667) → 0.331528 + 0.1·sqrt(ln4/2) = 0.390398 → generate.
 */
const scenarioB = [
  program('A', 'BUG e1', 14),
  program('B', 'BUG e2', 14),
  program('C', 'BUG e3', 14),
  program('D', 'BUG e4', 14),
  program('E', 'SCORE 0.3', 14),
  program('F', 'BUG e5', 14),
  program('G', 'SCORE 0.6', 14),
  continuation('H', 'SCORE 0.2', 6),
];

describe('GIF-MCTS golden scenario B (a fix chain running out, a successful fix)', () => {
  test('pins actions, the terminal chain and values', async () => {
    const events: SearchEvent[] = [];
    const record = await new GifMctsSession(toyContext(scenarioB, 8, 1, events)).run();
    expect(actionTrace(events)).toEqual(['generate@0→1', 'fix@1→2', 'fix@2→3', 'generate@0→4', 'fix@4→5', 'fix@3→6', 'improve@5→7', 'improve@7→8']);
    expect(treeTable(record)).toEqual([
      '0 root p- n=9 v=0.127778 s=0',
      '1 generate p0 n=4 v=0 s=0 T BUG',
      '2 fix p1 n=3 v=0 s=0 T BUG',
      '3 fix p2 n=2 v=0 s=0 T BUG',
      '4 generate p0 n=4 v=0.35 s=0 BUG',
      '5 fix p4 n=3 v=0.366667 s=0.3',
      '6 fix p3 n=1 v=0 s=0 T BUG',
      '7 improve p5 n=2 v=0.4 s=0.6',
      '8 improve p7 n=1 v=0 s=0.2 T',
    ]);
    expect(record.best).toEqual({ nodeId: 7, score: 0.6 });
    expect(events.at(-1)).toEqual({ type: 'done', reason: 'budget' });
  });

  test('values after each iteration: 0.99 → 0.66 → 0.33, a successful fix, then 0 and terminal', async () => {
    const session = new GifMctsSession(toyContext(scenarioB, 8));
    const rows: string[] = [];
    for (let i = 0; i < 6; i++) {
      await session.step();
      rows.push(
        session
          .snapshot()
          .nodes.slice(1)
          .map((n) => `${n.value.toFixed(4)}${n.terminal ? 'T' : ''}`)
          .join(' '),
      );
    }
    expect(rows).toEqual([
      '0.9900',
      '0.6600 0.6600',
      '0.3300 0.3300 0.3300',
      '0.3300 0.3300 0.3300 0.9900',
      // The successful fix (score 0.3) gives the chain {n4} its child's value.
      '0.3300 0.3300 0.3300 0.3000 0.3000',
      // The third failed fix: the chain {n3, n2, n1} is terminal at 0.
      '0.0000T 0.0000T 0.0000T 0.3000 0.3000 0.0000T',
    ]);
  });
});
