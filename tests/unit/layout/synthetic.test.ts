import { describe, expect, it } from 'vitest';
import { syntheticRecord } from '../../../src/core/layout';

describe('syntheticRecord', () => {
  it('is deterministic per seed and different across seeds', () => {
    const a = syntheticRecord(50, 4);
    expect(syntheticRecord(50, 4)).toEqual(a);
    expect(syntheticRecord(50, 5).nodes.map((n) => n.parentId)).not.toEqual(a.nodes.map((n) => n.parentId));
  });

  it('follows the GIF-MCTS action rules: root → generate, buggy parent → fix', () => {
    const r = syntheticRecord(500, 2);
    const byId = new Map(r.nodes.map((n) => [n.id, n]));
    expect(r.nodes).toHaveLength(500);
    expect(r.calls).toHaveLength(499);
    for (const n of r.nodes.slice(1)) {
      const p = byId.get(n.parentId!)!;
      expect(p.id).toBeLessThan(n.id);
      expect(p.terminal).not.toBe(true);
      if (p.action === 'root') expect(n.action).toBe('generate');
      else if (p.bug !== null) expect(n.action).toBe('fix');
      else expect(['generate', 'improve']).toContain(n.action);
      if (n.bug !== null) expect(n.score).toBe(0);
    }
    const best = Math.max(...r.nodes.map((n) => n.score));
    expect(r.best!.score).toBe(best);
    expect(r.nodes.find((n) => n.score === best)!.id).toBe(r.best!.nodeId);
  });
});
