import { describe, expect, test } from 'vitest';
import { LlmError } from '../../../src/core/llm/types';
import { Rng } from '../../../src/core/rng';
import type { RunRecord } from '../../../src/core/run/types';
import { strategies } from '../../../src/core/search/registry';
import type { StrategyId } from '../../../src/core/run/types';
import { continuation, program, toyContext, type ScriptEntry } from './scripted';

/** A seeded random script: buggy, healthy and (rarely) correct programs of varied lengths. */
function randomScript(seed: number, length: number, solvable: boolean): string[] {
  const rng = Rng.seeded(1000 + seed);
  return Array.from({ length }, (_, i) => {
    const r = rng.next();
    const marker = r < 0.3 ? `BUG e${i}` : `SCORE ${solvable && r > 0.97 ? 1 : Math.round(rng.uniform(0, 0.95) * 100) / 100}`;
    const lines = 3 + rng.int(10);
    return rng.next() < 0.25 ? continuation(`t${i}`, marker, lines) : program(`t${i}`, marker, lines);
  });
}

/** Calls without their timings, which differ between runs. */
function stable(record: RunRecord) {
  return { nodes: record.nodes, calls: record.calls.map(({ ms: _ms, ...c }) => c), best: record.best, resume: record.resume };
}

const seeds = [1, 2, 3, 4, 5, 6];

describe('GIF-MCTS invariants over seeded random scripts', () => {
  for (const seed of seeds) {
    test(`seed ${seed}: visits add up, values stay in [0, 1]`, async () => {
      const budget = 60;
      const record = await strategies['gif-mcts'].create(toyContext(randomScript(seed, budget, false), budget, seed)).run();
      expect(record.nodes).toHaveLength(budget + 1);
      const childVisits = new Map<number, number>();
      for (const n of record.nodes) if (n.parentId !== null) childVisits.set(n.parentId, (childVisits.get(n.parentId) ?? 0) + n.visits);
      // Every node was backed up once when created (the root starts with its one visit) plus once per descendant.
      for (const n of record.nodes) expect(n.visits).toBe(1 + (childVisits.get(n.id) ?? 0));
      expect(record.nodes[0].visits).toBe(budget + 1);
      for (const n of record.nodes) {
        expect(n.value).toBeGreaterThanOrEqual(0);
        expect(n.value).toBeLessThanOrEqual(1);
        if (n.terminal && !n.bug) expect(n.value).toBe(0);
      }
      // Best = the first node with the strictly highest score.
      const top = Math.max(...record.nodes.slice(1).map((n) => n.score));
      expect(record.best).toEqual({ nodeId: record.nodes.findIndex((n) => n.id > 0 && n.score === top), score: top });
    });
  }

  test('a solved run stops there and leaves the solving node un-backed-up', async () => {
    const script = [program('a', 'SCORE 0.5'), program('b', 'SCORE 1'), program('c', 'SCORE 0.2')];
    const record = await strategies['gif-mcts'].create(toyContext(script, 10)).run();
    expect(record.nodes.map((n) => n.visits)).toEqual([2, 1, 0]);
    expect(record.status).toBe('done');
  });
});

const allStrategies = Object.keys(strategies) as StrategyId[];

describe('replay and resume reproduce a run exactly', () => {
  for (const id of allStrategies) {
    for (const seed of [1, 2, 3]) {
      test(`${id}, seed ${seed}: replaying the recorded completions rebuilds the record`, async () => {
        const budget = 30;
        const original = await strategies[id].create(toyContext(randomScript(seed, budget, true), budget, seed)).run();
        const replayed = await strategies[id]
          .create(
            toyContext(
              original.calls.map((c) => c.completion),
              budget,
              seed,
            ),
          )
          .run();
        expect(stable(replayed)).toEqual(stable(original));
      });

      test(`${id}, seed ${seed}: resuming from a JSON copy of a snapshot continues identically`, async () => {
        const budget = 30;
        const script = randomScript(seed, budget, true);
        const whole = await strategies[id].create(toyContext(script, budget, seed)).run();
        const split = 7 + seed * 3;
        const first = strategies[id].create(toyContext(script, budget, seed));
        for (let i = 0; i < split && !first.finished; i++) await first.step();
        const saved = JSON.parse(JSON.stringify(first.snapshot())) as RunRecord;
        const rest = script.slice(saved.calls.length);
        // A different seed in the context: the RNG must come from the record.
        const resumed = strategies[id].create(toyContext(rest, budget, 999), saved);
        const final = await resumed.run();
        expect(stable(final)).toEqual(stable(whole));
        expect(final.createdAt).toBe(saved.createdAt);
      });
    }
  }
});

describe('a failed model call never loses the tree', () => {
  for (const id of allStrategies) {
    test(`${id}: failures are recorded, the RNG is restored, and retries rebuild the same tree`, async () => {
      const budget = 25;
      const script = randomScript(4, budget, false);
      const clean = await strategies[id].create(toyContext(script, budget, 4)).run();
      // The same script with failures inserted before calls 0, 5 and 6 (twice in a row).
      const failing: ScriptEntry[] = [];
      script.forEach((s, i) => {
        if (i === 0 || i === 5) failing.push(new LlmError('server', `HTTP 500 at ${i}`));
        if (i === 5) failing.push(new LlmError('rate-limit', 'HTTP 429'));
        failing.push(s);
      });
      const ctx = toyContext(failing, budget, 4);
      const errors: string[] = [];
      ctx.onEvent = (e) => {
        if (e.type === 'call-error') errors.push(`${e.callId}:${e.error}`);
      };
      const session = strategies[id].create(ctx);
      let failures = 0;
      while (!session.finished) {
        const nodesBefore = session.snapshot().nodes;
        try {
          await session.step();
        } catch (error) {
          expect(error).toBeInstanceOf(LlmError);
          failures++;
          expect(session.snapshot().nodes).toEqual(nodesBefore);
        }
      }
      const record = session.snapshot();
      expect(failures).toBe(3);
      expect(errors).toEqual(['0:HTTP 500 at 0', '6:HTTP 500 at 5', '7:HTTP 429']);
      expect(record.calls.filter((c) => c.error).map((c) => c.id)).toEqual([0, 6, 7]);
      expect(record.nodes.map(({ callId: _c, ...n }) => n)).toEqual(clean.nodes.map(({ callId: _c, ...n }) => n));
      // Node call ids point at the successful calls.
      for (const n of record.nodes) if (n.callId !== undefined) expect(record.calls[n.callId].error).toBeUndefined();
    });
  }
});
