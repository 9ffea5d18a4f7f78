import { describe, expect, it } from 'vitest';
import { compareRuns, forkFromNode, summarizeRun, validateRunRecord } from '../../../src/core/run';
import { randomRecord, sampleRecord } from './fixtures';

describe('forkFromNode', () => {
  it('keeps the root-to-node path and its calls, paused and valid', () => {
    const record = sampleRecord();
    const fork = forkFromNode(record, 3, '2025-02-01T00:00:00.000Z')!;
    expect(fork.nodes.map((n) => n.id)).toEqual([0, 2, 3]);
    expect(fork.calls.map((c) => c.id)).toEqual([1, 2]);
    expect(fork.best).toEqual({ nodeId: 3, score: 0.6 });
    expect(fork.status).toBe('paused');
    expect(fork.forkedFrom).toEqual({ createdAt: record.createdAt, nodeId: 3 });
    expect(fork.name).toBe('cartpole · fork at node 3');
    expect(fork.seed).toBe(7);
    expect(validateRunRecord(fork).ok).toBe(true);
    expect(record.nodes).toHaveLength(5);
  });

  it('returns null for a missing node', () => {
    expect(forkFromNode(sampleRecord(), 99, 'x')).toBeNull();
  });

  it('property: any node of a random run forks into a valid record ending at that node', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const record = randomRecord(seed, 15, 20);
      for (const node of record.nodes) {
        const fork = forkFromNode(record, node.id, 'now')!;
        expect(validateRunRecord(fork).ok).toBe(true);
        expect(fork.nodes[fork.nodes.length - 1]).toEqual(node);
        expect(fork.nodes.every((n) => n.parentId === null || fork.nodes.some((m) => m.id === n.parentId))).toBe(true);
      }
    }
  });
});

describe('compareRuns', () => {
  it('summarizes best score, counts and the best-so-far curve', () => {
    const s = summarizeRun(sampleRecord());
    expect(s).toMatchObject({ bestScore: 0.9, nodes: 5, calls: 4, bugs: 1, bestPerCall: [0.5, 0.5, 0.6, 0.9] });
  });

  it('counts a failed call as spent budget', () => {
    const r = sampleRecord();
    r.calls.push({ id: 4, kind: 'improve', messages: [], completion: '', ms: 10, tokens: 0, error: 'rate limited' });
    expect(summarizeRun(r).bestPerCall).toEqual([0.5, 0.5, 0.6, 0.9, 0.9]);
  });

  it('names the leader by score, then by calls to reach it', () => {
    const a = sampleRecord();
    const b = sampleRecord();
    b.nodes[4].score = 0.95;
    b.best = { nodeId: 4, score: 0.95 };
    const c = compareRuns(a, b);
    expect(c.leader).toBe('b');
    expect(c.scoreDelta).toBeCloseTo(0.05, 12);
    expect(c.sameEnv).toBe(true);
    const d = sampleRecord();
    d.nodes[1].score = 0.9;
    expect(compareRuns(a, d)).toMatchObject({ leader: 'b', callsToBest: { a: 4, b: 1 } });
    expect(compareRuns(a, sampleRecord()).leader).toBe('tie');
  });

  it('says when two runs followed different protocols (an older record is a playground run)', () => {
    const a = sampleRecord();
    const b = { ...sampleRecord(), protocol: 'paper' as const, descriptionVariant: 'paper' as const };
    expect(summarizeRun(a).protocol).toBe('playground protocol · hinted description');
    expect(compareRuns(a, b)).toMatchObject({ sameProtocol: false, b: { protocol: 'paper protocol · paper description' } });
    expect(compareRuns(b, { ...b }).sameProtocol).toBe(true);
  });
});
