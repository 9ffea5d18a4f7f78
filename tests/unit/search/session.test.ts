import { describe, expect, test } from 'vitest';
import { PAPER_SAMPLING } from '../../../src/core/llm/types';
import type { RunRecord } from '../../../src/core/run/types';
import { validateRunRecord } from '../../../src/core/run/validate';
import { GIF_MCTS_DEFAULTS, GifMctsSession } from '../../../src/core/search/gif-mcts';
import { getStrategy, strategies } from '../../../src/core/search/registry';
import type { SearchEvent } from '../../../src/core/search/types';
import { continuation, program, toyContext } from './scripted';

describe('search sessions: events, records, user nodes, parameters', () => {
  test('events of one iteration, in order, with streamed tokens', async () => {
    const events: SearchEvent[] = [];
    const session = strategies['gif-mcts'].create(toyContext([program('A', 'SCORE 0.4')], 1, 1, events));
    expect(await session.step()).toBe(false);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('call-start');
    expect(types.filter((t) => t === 'tokens').length).toBe(Math.ceil(program('A', 'SCORE 0.4').length / 7));
    expect(types.slice(-4)).toEqual(['call-end', 'node', 'best', 'done']);
    const tokens = events.filter((e) => e.type === 'tokens');
    expect(tokens.at(-1)).toMatchObject({ text: program('A', 'SCORE 0.4') });
    expect(events.at(-1)).toEqual({ type: 'done', reason: 'budget' });
    expect(events[0]).toEqual({ type: 'call-start', callId: 0, kind: 'generate', parentId: 0 });
  });

  test('the snapshot is a plain RunRecord in the RunRecord layout that validates', async () => {
    const ctx = toyContext([program('A', 'SCORE 0.4'), program('B', 'BUG boom'), program('C', 'SCORE 0.9')], 3, 5);
    const record = await strategies['gif-mcts'].create(ctx).run();
    expect(validateRunRecord(JSON.parse(JSON.stringify(record)))).toMatchObject({ ok: true });
    expect(Object.keys(record)).toEqual([
      'version',
      'createdAt',
      'env',
      'strategy',
      'params',
      'seed',
      'provider',
      'protocol',
      'descriptionVariant',
      'sampling',
      'calls',
      'nodes',
      'best',
      'resume',
      'status',
    ]);
    expect(record.version).toBe(1);
    // A context that names no protocol is a playground run with the hinted description.
    expect([record.protocol, record.descriptionVariant]).toEqual(['playground', 'hinted']);
    expect(new Date(record.createdAt).toISOString()).toBe(record.createdAt);
    expect(record.env).toEqual({ id: 'toy', datasetHash: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(record.params).toEqual(GIF_MCTS_DEFAULTS);
    expect(record.seed).toBe(5);
    expect(record.provider).toEqual({ kind: 'scripted', model: 'script-1' });
    expect(record.calls[0]).toMatchObject({ id: 0, kind: 'generate', completion: program('A', 'SCORE 0.4') });
    expect(record.calls[0].messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(typeof record.calls[0].ms).toBe('number');
    expect(record.calls[0].tokens).toBe(Math.ceil(program('A', 'SCORE 0.4').length / 4));
    expect(record.nodes[0]).toEqual({
      id: 0,
      parentId: null,
      action: 'root',
      program: '',
      score: 0,
      accuracy: 0,
      breakdown: null,
      bug: null,
      visits: 4,
      value: expect.any(Number),
      prefix: '',
      terminal: false,
    });
    expect(record.nodes[2]).toMatchObject({ action: 'generate', bug: 'boom', callId: 1 });
    expect(record.nodes[3]).toMatchObject({ action: 'fix', parentId: 2, bug: null, callId: 2 });
    // Snapshots are copies: mutating one does not touch the session.
    record.nodes[0].visits = 99;
    record.calls[0].messages[0].content = 'x';
    expect(ctx.llm.requests[0][0].content).not.toBe('x');
  });

  test('every request carries the context sampling settings', async () => {
    const seen: unknown[] = [];
    const ctx = toyContext([program('A', 'SCORE 0.4')], 1);
    const inner = ctx.llm.complete;
    ctx.llm.complete = (m, o, s) => {
      seen.push(o);
      return inner(m, o, s);
    };
    await strategies.refine.create(ctx).run();
    expect(seen).toEqual([PAPER_SAMPLING]);
  });

  test('addUserNode scores a user program, backs it up, and does not use the budget', async () => {
    const events: SearchEvent[] = [];
    const ctx = toyContext([program('A', 'SCORE 0.4'), continuation('B', 'SCORE 0.5', 5)], 2, 1, events);
    const session = new GifMctsSession(ctx);
    await session.step();
    const user = await session.addUserNode(1, program('U', 'SCORE 0.8', 9));
    expect(user).toMatchObject({ id: 2, parentId: 1, action: 'user', score: 0.8, visits: 1, value: 0.8, prefix: program('U', 'SCORE 0.8', 9).split('\n').slice(0, 4).join('\n') });
    expect(user.callId).toBeUndefined();
    let record = session.snapshot();
    expect(record.nodes.map((n) => n.visits)).toEqual([3, 2, 1]);
    expect(record.best).toEqual({ nodeId: 2, score: 0.8 });
    expect(session.finished).toBe(false);
    // Root (N=3): n1 = (0.4 + 0.8)/2 + 0.1·sqrt(ln 3/2) = 0.674115 beats the untried generate
    // (0.525·0.466667 + 0.475·0.6 = 0.53, + 0.074115); at n1 (N=2) the user child (0.8 + 0.058871)
    // beats improve (0.55 + 0.083255) and generate; at the user node (N=1, ln 1 = 0) improve 0.55
    // beats generate 0.466667.
    await session.step();
    record = session.snapshot();
    expect(record.nodes[3]).toMatchObject({ parentId: 2, action: 'improve' });
    expect(record.calls).toHaveLength(2);
    expect(session.finished).toBe(true);
    await expect(session.addUserNode(42, 'x')).rejects.toThrow(/no node 42 in this run; pick a node of the tree/);
  });

  test('a correct user program ends the search as solved', async () => {
    const events: SearchEvent[] = [];
    const session = strategies.worldcoder.create(toyContext([program('A', 'SCORE 0.4')], 5, 1, events));
    expect(session.addUserNode).toBeTypeOf('function');
    await session.addUserNode!(0, program('U', 'SCORE 1'));
    expect(session.finished).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'done', reason: 'solved' });
    expect(await session.step()).toBe(false);
  });

  test('parameters override defaults, are recorded, and bad ones say what to do', async () => {
    const ctx = toyContext([program('A', 'BUG e', 12), program('B', 'BUG e', 12)], 2);
    ctx.params = { bugValue: 0.5, maxFixes: 1, linesPerNode: 3, ignored: 'x' };
    const record = await new GifMctsSession(ctx).run();
    expect(record.params).toEqual({ ...GIF_MCTS_DEFAULTS, bugValue: 0.5, maxFixes: 1, linesPerNode: 3 });
    expect(record.nodes[1].prefix?.split('\n')).toHaveLength(3);
    // One fix allowed: the failed fix leaves none, so the chain is terminal at 0.
    expect(record.nodes.map((n) => `${n.value}${n.terminal ? 'T' : ''}`)).toEqual(['0', '0T', '0T']);
    const bad = toyContext([], 1);
    bad.params = { uctC: 'high' };
    expect(() => strategies['gif-mcts'].create(bad)).toThrow('search parameter "uctC" must be a finite number (got "high"); fix it or leave it out to use 0.1');
  });

  test('run(signal) stops between iterations when aborted and the run can go on', async () => {
    const events: SearchEvent[] = [];
    const ctx = toyContext([program('A', 'SCORE 0.4'), program('B', 'SCORE 0.5'), program('C', 'SCORE 0.6')], 3, 1, events);
    const controller = new AbortController();
    ctx.onEvent = (e) => {
      events.push(e);
      if (e.type === 'node' && e.node.id === 1) controller.abort();
    };
    const session = strategies['best-of-n'].create(ctx);
    const stopped = await session.run(controller.signal);
    expect(stopped.status).toBe('stopped');
    expect(stopped.nodes).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: 'done', reason: 'stopped' });
    const done = await session.run();
    expect(done.nodes).toHaveLength(4);
    expect(done.status).toBe('done');
  });

  test('a second step while one is in flight is refused, and the first completes', async () => {
    const session = strategies['gif-mcts'].create(toyContext([program('A', 'SCORE 0.4'), program('B', 'SCORE 0.5')], 2));
    const first = session.step();
    await expect(session.step()).rejects.toThrow('a search iteration is already running; wait for it to finish before starting the next');
    expect(await first).toBe(true);
    expect(await session.step()).toBe(false);
    expect(session.snapshot().nodes).toHaveLength(3);
  });

  test('resuming refuses records it cannot continue, saying what to do', () => {
    const ctx = toyContext([], 3);
    const base: RunRecord = {
      version: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
      env: { id: 'toy', datasetHash: '0' },
      strategy: 'refine',
      params: {},
      seed: 1,
      provider: { kind: 'x', model: 'y' },
      calls: [],
      nodes: [],
      best: null,
    };
    expect(() => strategies['gif-mcts'].create(ctx, base)).toThrow('cannot resume this run: it was made by "refine", not "gif-mcts". Open it read-only, or start a new run with the same settings.');
    // Without resume state a record is rebuilt from its nodes (a fork), which needs at least the root.
    expect(() => strategies.refine.create(ctx, base)).toThrow(
      'cannot resume this run: it has no root node, so there is nothing to continue from. Open it read-only, or start a new run with the same settings.',
    );
    expect(() => getStrategy('mcts')).toThrow('unknown search strategy "mcts"; use one of: gif-mcts, worldcoder, best-of-n, refine');
  });

  test('a finished run resumed with a larger budget continues', async () => {
    const script = [program('A', 'SCORE 0.4'), program('B', 'SCORE 0.5')];
    const first = await strategies['gif-mcts'].create(toyContext(script, 1)).run();
    const more = strategies['gif-mcts'].create(toyContext(script.slice(1), 2), first);
    expect(more.finished).toBe(false);
    const record = await more.run();
    expect(record.nodes).toHaveLength(3);
    expect(record.status).toBe('done');
  });
});
