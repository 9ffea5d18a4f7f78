import { describe, expect, it } from 'vitest';
import { recordedEvaluate, revealPrefix, sameNode } from '../../../src/core/run';
import { createReplayClient } from '../../../src/core/llm/replay';
import { Rng } from '../../../src/core/rng';
import { strategies } from '../../../src/core/search';
import type { RunRecord, StrategyId } from '../../../src/core/run/types';
import type { ChatMessage } from '../../../src/core/llm/types';
import { program, toyContext, type ScriptEntry } from '../search/scripted';
import { sampleRecord } from './fixtures';

/** A model whose answers (score markers, bugs) are drawn from its own seeded RNG. */
function randomScript(seed: number, calls: number): ScriptEntry[] {
  const rng = Rng.seeded(seed);
  return Array.from({ length: calls }, (_, i) => (messages: ChatMessage[]) => {
    const marker = rng.next() < 0.25 ? 'BUG boom' : `SCORE ${(Math.floor(rng.next() * 90) / 100).toFixed(2)}`;
    // A generate must continue its prefix: echo the prefix found in the prompt, if any.
    const prefix = /```(?:js|javascript)?\n([\s\S]*?)```/.exec(messages[messages.length - 1].content)?.[1] ?? '';
    return prefix.startsWith('class Environment') && messages[messages.length - 1].content.includes('continue') ? prefix + `  // t${i}\n  // ${marker}\n}` : program(`t${i}`, marker, 5 + rng.int(4));
  });
}

async function recordOf(strategy: StrategyId, seed: number, budget: number): Promise<RunRecord> {
  const ctx = toyContext(randomScript(seed * 31, budget), budget, seed);
  return strategies[strategy].create(ctx).run();
}

describe('replay of a recorded run (replay provider + recorded scores + same seed)', () => {
  for (const strategy of ['gif-mcts', 'worldcoder', 'best-of-n', 'refine'] as const) {
    it(`rebuilds the same ${strategy} tree, node by node, for 5 seeds`, async () => {
      for (let seed = 1; seed <= 5; seed++) {
        const record = await recordOf(strategy, seed, 12);
        expect(record.nodes.length).toBeGreaterThan(1);
        const ctx = toyContext([], 12, seed);
        const session = strategies[strategy].create({ ...ctx, llm: createReplayClient(record, { verifyMessages: false }), evaluate: recordedEvaluate(record), rng: Rng.seeded(seed) });
        let steps = 0;
        while (await session.step()) {
          const snap = session.snapshot();
          for (const n of snap.nodes) expect(sameNode(n, record.nodes[n.id])).toBe(true);
          if (++steps > 50) break;
        }
        const rebuilt = session.snapshot();
        expect(rebuilt.nodes.map(({ id, parentId, action, program: p, score, visits, value }) => ({ id, parentId, action, p, score, visits, value }))).toEqual(
          record.nodes.map(({ id, parentId, action, program: p, score, visits, value }) => ({ id, parentId, action, p, score, visits, value })),
        );
        expect(rebuilt.best).toEqual(record.best);
      }
    });
  }

  it('a recorded evaluation answers with the matching node and refuses to go past the record', async () => {
    const record = sampleRecord();
    const evaluate = recordedEvaluate(record);
    const r = await evaluate(record.nodes[3].program);
    expect(r).toMatchObject({ score: 0.6, bug: null, breakdown: { state: 0.6, reward: 1, done: 1 } });
    await evaluate('x');
    await evaluate('y');
    await evaluate('z');
    await expect(evaluate('w')).rejects.toThrow('The recorded run has 4 scored programs and the replay asked for one more.');
  });

  it('reveals the record one node at a time with the best so far', () => {
    const record = sampleRecord();
    expect(revealPrefix(record, 1)).toMatchObject({ nodes: [record.nodes[0]], calls: [], best: null });
    const three = revealPrefix(record, 3);
    expect(three.nodes.map((n) => n.id)).toEqual([0, 1, 2]);
    expect(three.calls.map((c) => c.id)).toEqual([0, 1]);
    expect(three.best).toEqual({ nodeId: 1, score: 0.5 });
    expect(revealPrefix(record, 99)).toEqual(record);
  });
});
