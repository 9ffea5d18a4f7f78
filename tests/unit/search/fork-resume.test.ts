import { describe, expect, test } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { forkFromNode } from '../../../src/core/run/fork';
import { bestNode } from '../../../src/core/run/path';
import type { RunRecord, StrategyId } from '../../../src/core/run/types';
import { validateRunRecord } from '../../../src/core/run/validate';
import { GifMctsSession } from '../../../src/core/search/gif-mcts';
import { strategies } from '../../../src/core/search/registry';
import { WorldCoderSession } from '../../../src/core/search/worldcoder';
import { continuation, program, toyContext } from './scripted';

/** A seeded script of buggy and healthy (never correct) programs of varied lengths. */
function script(seed: number, length: number, tag: string): string[] {
  const rng = Rng.seeded(500 + seed);
  return Array.from({ length }, (_, i) => {
    const r = rng.next();
    const marker = r < 0.3 ? `BUG ${tag}${i}` : `SCORE ${Math.round(rng.uniform(0, 0.95) * 100) / 100}`;
    const lines = 3 + rng.int(10);
    return rng.next() < 0.25 ? continuation(`${tag}${i}`, marker, lines) : program(`${tag}${i}`, marker, lines);
  });
}

/** Calls without their timings, which differ between runs. */
function stable(record: RunRecord) {
  return { nodes: record.nodes, calls: record.calls.map(({ ms: _ms, ...c }) => c), best: record.best, resume: record.resume };
}

async function original(strategy: StrategyId, seed: number, budget = 12): Promise<RunRecord> {
  return strategies[strategy].create(toyContext(script(seed, budget, 'o'), budget, seed)).run();
}

/** The deepest node of a record (the last one on ties): a fork there keeps the longest path. */
function deepest(record: RunRecord): number {
  const depth = new Map<number, number>([[0, 0]]);
  let best = 0;
  for (const n of record.nodes) {
    if (n.parentId === null) continue;
    depth.set(n.id, (depth.get(n.parentId) ?? 0) + 1);
    if ((depth.get(n.id) ?? 0) >= (depth.get(best) ?? 0)) best = n.id;
  }
  return best;
}

/** Forks `record` at `nodeId` and continues it for `more` calls with a fresh script. */
async function continueFork(strategy: StrategyId, fork: RunRecord, more: number, seed: number): Promise<RunRecord> {
  const ctx = toyContext(script(seed, more, 'n'), fork.calls.length + more, fork.seed);
  return strategies[strategy].create(ctx, fork).run();
}

/** What every continued fork must satisfy, whatever the strategy. */
function expectValidContinuation(fork: RunRecord, after: RunRecord, more: number): void {
  expect(validateRunRecord(after).ok).toBe(true);
  expect(after.nodes).toHaveLength(fork.nodes.length + more);
  // The forked path is kept exactly: ids, programs, scores, bugs, parents, actions.
  const pick = ({ id, parentId, action, program, score, accuracy, bug, callId }: RunRecord['nodes'][number]) => ({ id, parentId, action, program, score, accuracy, bug, callId });
  expect(after.nodes.slice(0, fork.nodes.length).map(pick)).toEqual(fork.nodes.map(pick));
  expect(after.calls.slice(0, fork.calls.length)).toEqual(fork.calls);
  // New nodes get fresh ids after the fork's and attach to a node created before them.
  const maxForkId = Math.max(...fork.nodes.map((n) => n.id));
  const seen = new Set<number>();
  for (const [i, n] of after.nodes.entries()) {
    if (i >= fork.nodes.length) {
      expect(n.id).toBeGreaterThan(maxForkId);
      expect(seen.has(n.parentId as number)).toBe(true);
    }
    seen.add(n.id);
  }
  // Call ids stay unique and every new node names its own call.
  expect(new Set(after.calls.map((c) => c.id)).size).toBe(after.calls.length);
  for (const n of after.nodes.slice(fork.nodes.length)) expect(after.calls.some((c) => c.id === n.callId)).toBe(true);
  // Best is recomputed over all nodes: the first with the strictly highest score.
  const top = bestNode(after.nodes);
  expect(after.best).toEqual(top ? { nodeId: top.id, score: top.score } : null);
  expect(after.status).toBe('done');
}

describe('GIF-MCTS continues a fork with statistics rebuilt from its nodes', () => {
  for (const seed of [1, 2, 3, 4]) {
    test(`seed ${seed}: the path is kept, new nodes attach, visits add up, values stay in [0, 1]`, async () => {
      const record = await original('gif-mcts', seed);
      const at = deepest(record);
      const fork = forkFromNode(record, at, '2026-01-01T00:00:00.000Z')!;
      expect(fork.resume).toBeUndefined();
      expect(fork.nodes.length).toBeGreaterThan(2);
      const more = 10;
      const after = await continueFork('gif-mcts', fork, more, seed);
      expectValidContinuation(fork, after, more);
      const childVisits = new Map<number, number>();
      for (const n of after.nodes) if (n.parentId !== null) childVisits.set(n.parentId, (childVisits.get(n.parentId) ?? 0) + n.visits);
      // Every node was backed up once when created (the root starts with one visit) plus once per descendant.
      for (const n of after.nodes) expect(n.visits).toBe(1 + (childVisits.get(n.id) ?? 0));
      expect(after.nodes[0].visits).toBe(after.nodes.length);
      for (const n of after.nodes) {
        expect(n.value).toBeGreaterThanOrEqual(0);
        expect(n.value).toBeLessThanOrEqual(1);
        if (n.terminal && !n.bug) expect(n.value).toBe(0);
      }
      expect(after.resume).toBeDefined();
    });
  }

  test('rebuilding a whole run from its nodes gives back its tree statistics and value model', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const budget = 15;
      const session = new GifMctsSession(toyContext(script(seed, budget, 'o'), budget, seed));
      const record = await session.run();
      const { resume: _resume, ...stateless } = record;
      const rebuilt = new GifMctsSession(toyContext([], budget, seed), stateless);
      const snap = rebuilt.snapshot();
      expect(snap.nodes).toEqual(record.nodes);
      expect(snap.best).toEqual(record.best);
      expect(rebuilt.valueModelState()).toEqual(session.valueModelState());
      expect((snap.resume as { tree: unknown }).tree).toEqual((record.resume as { tree: unknown }).tree);
      expect(rebuilt.finished).toBe(true);
    }
  });

  test('a fork starts its RNG from the record seed and counts its calls against the budget', async () => {
    const record = await original('gif-mcts', 2);
    const fork = forkFromNode(record, deepest(record), 'now')!;
    const session = strategies['gif-mcts'].create(toyContext([], fork.calls.length, fork.seed), fork);
    expect(session.finished).toBe(true);
    const resume = session.snapshot().resume as { rng: number[]; iterations: number };
    expect(resume.rng).toEqual(
      Rng.seeded(fork.seed)
        .state()
        .map((w) => w >>> 0),
    );
    expect(resume.iterations).toBe(fork.calls.length);
  });

  test('two sessions from the same fork with the same completions make identical records', async () => {
    const record = await original('gif-mcts', 3);
    const fork = forkFromNode(record, deepest(record), 'now')!;
    const a = await continueFork('gif-mcts', fork, 8, 9);
    const b = await continueFork('gif-mcts', fork, 8, 9);
    expect(stable(a)).toEqual(stable(b));
    expect(a.createdAt).toBe(fork.createdAt);
  });

  test('a continued fork saved with its state resumes exactly like any run', async () => {
    const record = await original('gif-mcts', 4);
    const fork = forkFromNode(record, deepest(record), 'now')!;
    const whole = await continueFork('gif-mcts', fork, 8, 5);
    const completions = script(5, 8, 'n');
    const half = await strategies['gif-mcts'].create(toyContext(completions.slice(0, 4), fork.calls.length + 4, fork.seed), fork).run();
    const rest = await strategies['gif-mcts'].create(toyContext(completions.slice(4), fork.calls.length + 8, fork.seed), half).run();
    expect(stable(rest)).toEqual(stable(whole));
  });
});

describe('WorldCoder continues a fork with Beta parameters rebuilt from its nodes', () => {
  test('rebuilding a whole run gives back every Beta(α, β)', async () => {
    const budget = 12;
    const session = new WorldCoderSession(toyContext(script(6, budget, 'o'), budget, 6));
    const record = await session.run();
    const { resume: _resume, ...stateless } = record;
    const rebuilt = new WorldCoderSession(toyContext([], budget, 6), stateless);
    for (const n of record.nodes.slice(1)) expect(rebuilt.betaOf(n.id)).toEqual(session.betaOf(n.id));
    expect(rebuilt.snapshot().resume).toMatchObject({ beta: (record.resume as { beta: unknown }).beta });
  });

  test('a fork continues, gets priors for its path and stays deterministic', async () => {
    const record = await original('worldcoder', 7);
    const fork = forkFromNode(record, deepest(record), 'now')!;
    const after = await continueFork('worldcoder', fork, 6, 8);
    expectValidContinuation(fork, after, 6);
    // The path keeps Beta parameters from its scores; a node not on the path has none.
    const session = new WorldCoderSession(toyContext([], fork.calls.length, fork.seed), fork);
    for (const n of fork.nodes.slice(1)) {
      const [a, b] = session.betaOf(n.id)!;
      expect(a).toBeGreaterThanOrEqual(1);
      expect(b).toBeGreaterThanOrEqual(1);
    }
    const dropped = record.nodes.find((n) => !fork.nodes.some((m) => m.id === n.id));
    if (dropped) expect(session.betaOf(dropped.id)).toBeUndefined();
    expect(stable(await continueFork('worldcoder', fork, 6, 8))).toEqual(stable(after));
  });
});

describe('the baselines continue a fork', () => {
  test('best-of-N adds fresh generations under the root', async () => {
    const record = await original('best-of-n', 9, 6);
    const fork = forkFromNode(record, 4, 'now')!;
    const after = await continueFork('best-of-n', fork, 5, 10);
    expectValidContinuation(fork, after, 5);
    for (const n of after.nodes.slice(fork.nodes.length)) expect(n.parentId).toBe(0);
  });

  test('refine continues from the fork node, then from each newer program', async () => {
    const record = await original('refine', 11, 6);
    const fork = forkFromNode(record, 3, 'now')!;
    expect(fork.nodes.map((n) => n.id)).toEqual([0, 1, 2, 3]);
    const after = await continueFork('refine', fork, 4, 12);
    expectValidContinuation(fork, after, 4);
    expect(after.nodes.slice(fork.nodes.length).map((n) => n.parentId)).toEqual([3, 4, 5, 6]);
  });

  test('a fork whose path already solved the task is finished at once', async () => {
    const record = await strategies.refine.create(toyContext([program('a', 'SCORE 0.3'), program('b', 'SCORE 1')], 5)).run();
    const fork = forkFromNode(record, 2, 'now')!;
    const session = strategies.refine.create(toyContext([], 5), fork);
    expect(session.finished).toBe(true);
    expect(await session.step()).toBe(false);
  });
});
