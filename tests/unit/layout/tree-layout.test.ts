import { describe, expect, it } from 'vitest';
import { layoutTree, levelGapFor, mergedLinkPath, fmt, syntheticRecord, withLevelGap } from '../../../src/core/layout';
import { node, smallTree } from './fixtures';

describe('layoutTree', () => {
  it('places a small tree with exact tidy-tree coordinates', () => {
    const l = layoutTree(smallTree, { nodeId: 3 });
    // Siblings 28 apart, cousins 1.25 × 28 = 35 apart (nodes 5 and 4), parents centred over children.
    expect(l.nodes.map((n) => [n.id, n.x, n.y, n.depth])).toEqual([
      [0, 0, 0, 0],
      [1, -24.5, 64, 1],
      [2, 24.5, 64, 1],
      [3, -38.5, 128, 2],
      [4, 24.5, 128, 2],
      [5, -10.5, 128, 2],
    ]);
    expect(l.bounds).toEqual({ minX: -38.5, maxX: 24.5, minY: 0, maxY: 128 });
    expect(l.dropped).toBe(0);
  });

  it('marks glyphs, bugs, terminals and children in creation order', () => {
    const l = layoutTree(smallTree, null);
    expect(l.nodes.map((n) => n.glyph).join('')).toBe('RGGIFG');
    expect(l.nodes.filter((n) => n.buggy).map((n) => n.id)).toEqual([2]);
    expect(l.nodes.filter((n) => n.terminal).map((n) => n.id)).toEqual([4]);
    expect(l.nodes[1].childIds).toEqual([3, 5]);
    expect(l.nodes[0].childIds).toEqual([1, 2]);
    expect(l.bestPath).toEqual([]);
    expect(l.nodes.some((n) => n.onBestPath)).toBe(false);
  });

  it('highlights the path from the root to the best node, nodes and links', () => {
    const l = layoutTree(smallTree, { nodeId: 3 });
    expect(l.bestPath).toEqual([0, 1, 3]);
    expect(l.nodes.filter((n) => n.onBestPath).map((n) => n.id)).toEqual([0, 1, 3]);
    expect(l.links.filter((k) => k.onBestPath).map((k) => [k.source, k.target])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('gives one link per non-root node with parent and child end points', () => {
    const l = layoutTree(smallTree, null);
    expect(l.links).toHaveLength(5);
    expect(l.links[2]).toEqual({ source: 1, target: 3, x1: -24.5, y1: 64, x2: -38.5, y2: 128, onBestPath: false });
  });

  it('honours custom spacing', () => {
    const l = layoutTree(smallTree.slice(0, 3), null, { nodeGap: 10, levelGap: 100 });
    expect(l.nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 0],
      [-5, 100],
      [5, 100],
    ]);
  });

  it('drops orphans and duplicate ids instead of throwing, and survives an empty or rootless record', () => {
    const l = layoutTree([...smallTree, node(9, 42, 'fix'), node(3, 0, 'generate')], { nodeId: 9 });
    expect(l.nodes).toHaveLength(6);
    expect(l.dropped).toBe(2);
    expect(l.bestPath).toEqual([]);
    expect(layoutTree([], null).nodes).toEqual([]);
    expect(layoutTree([node(1, 0, 'generate')], null).dropped).toBe(1);
  });

  it('lays out 2,000 synthetic nodes with no two nodes of a depth closer than the sibling gap', () => {
    const r = syntheticRecord(2000, 1);
    const l = layoutTree(r.nodes, r.best);
    expect(l.nodes).toHaveLength(2000);
    expect(l.links).toHaveLength(1999);
    const byDepth = new Map<number, number[]>();
    for (const n of l.nodes) byDepth.set(n.depth, [...(byDepth.get(n.depth) ?? []), n.x]);
    for (const xs of byDepth.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(28 - 1e-9);
    }
    // Every child sits exactly one level below its parent.
    const y = new Map(l.nodes.map((n) => [n.id, n.y]));
    for (const k of l.links) expect(y.get(k.target)! - y.get(k.source)!).toBe(64);
    expect(l.bestPath[0]).toBe(0);
    expect(l.bestPath[l.bestPath.length - 1]).toBe(r.best!.nodeId);
  });
});

describe('mergedLinkPath', () => {
  it('builds one path of vertical Béziers with short numbers', () => {
    const l = layoutTree(smallTree, null);
    expect(mergedLinkPath(l.links)).toBe(
      'M0,0C0,32 -24.5,32 -24.5,64' + 'M0,0C0,32 24.5,32 24.5,64' + 'M-24.5,64C-24.5,96 -38.5,96 -38.5,128' + 'M24.5,64C24.5,96 24.5,96 24.5,128' + 'M-24.5,64C-24.5,96 -10.5,96 -10.5,128',
    );
    expect(mergedLinkPath([])).toBe('');
  });

  it('rounds to one decimal and never prints -0', () => {
    expect(fmt(1.26)).toBe('1.3');
    expect(fmt(-0.04)).toBe('0');
    expect(fmt(12)).toBe('12');
    expect(fmt(-3.333)).toBe('-3.3');
  });
});

describe('withLevelGap and levelGapFor', () => {
  it('moves every level to depth × gap, links and bounds included', () => {
    const l = withLevelGap(layoutTree(smallTree, { nodeId: 3 }), 100);
    expect(l.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      [0, 0, 0],
      [1, -24.5, 100],
      [2, 24.5, 100],
      [3, -38.5, 200],
      [4, 24.5, 200],
      [5, -10.5, 200],
    ]);
    expect(l.links[2]).toEqual({ source: 1, target: 3, x1: -24.5, y1: 100, x2: -38.5, y2: 200, onBestPath: true });
    expect(l.bounds).toEqual({ minX: -38.5, maxX: 24.5, minY: 0, maxY: 200 });
    expect(l.bestPath).toEqual([0, 1, 3]);
  });

  it('stretches a wide tree to the viewport aspect, within bounds', () => {
    const wide = layoutTree(syntheticRecord(2000, 1).nodes, null);
    const depth = Math.max(...wide.nodes.map((n) => n.depth));
    const span = wide.bounds.maxX - wide.bounds.minX;
    expect(levelGapFor(wide, 1000, 500)).toBeCloseTo(Math.min(384, (span * 0.5) / depth), 9);
    // The small tree is 63 wide and 2 deep: 63 × 0.5 / 2 = 15.75 < 64, so the minimum holds.
    expect(levelGapFor(layoutTree(smallTree, null), 1000, 500)).toBe(64);
    expect(levelGapFor(layoutTree(smallTree, null), 0, 0)).toBe(64);
    expect(levelGapFor(layoutTree(smallTree.slice(0, 1), null), 1000, 500)).toBe(64);
    expect(levelGapFor(layoutTree(smallTree, null), 10, 1e6)).toBe(384);
  });
});
