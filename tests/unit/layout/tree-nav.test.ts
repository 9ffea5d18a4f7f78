import { describe, expect, it } from 'vitest';
import { fitTransform, layoutTree, moveSelection } from '../../../src/core/layout';
import { smallTree } from './fixtures';

const { nodes } = layoutTree(smallTree, null);

describe('moveSelection', () => {
  it('walks parent, child and siblings', () => {
    expect(moveSelection(nodes, 3, 'parent')).toBe(1);
    expect(moveSelection(nodes, 1, 'next')).toBe(2);
    expect(moveSelection(nodes, 2, 'prev')).toBe(1);
    expect(moveSelection(nodes, 3, 'next')).toBe(5);
    // Middle child of [1, 2] is index (2-1)>>1 = 0.
    expect(moveSelection(nodes, 0, 'child')).toBe(1);
    expect(moveSelection(nodes, 2, 'child')).toBe(4);
  });

  it('stays put at the edges', () => {
    expect(moveSelection(nodes, 0, 'parent')).toBe(0);
    expect(moveSelection(nodes, 0, 'next')).toBe(0);
    expect(moveSelection(nodes, 1, 'prev')).toBe(1);
    expect(moveSelection(nodes, 5, 'next')).toBe(5);
    expect(moveSelection(nodes, 4, 'child')).toBe(4);
  });

  it('starts at the root without a (valid) selection and returns null for an empty tree', () => {
    expect(moveSelection(nodes, null, 'child')).toBe(0);
    expect(moveSelection(nodes, 99, 'next')).toBe(0);
    expect(moveSelection([], null, 'child')).toBeNull();
  });
});

describe('fitTransform', () => {
  it('fits the tighter dimension and centres the tree', () => {
    // 63 × 128 tree into 800 × 600 with 24 px pad: ky = 552/128 = 4.3125, kx = 752/63; clamped to 1.5.
    expect(fitTransform({ minX: -38.5, maxX: 24.5, minY: 0, maxY: 128 }, 800, 600)).toEqual({ k: 1.5, x: 400 + 7 * 1.5, y: 300 - 64 * 1.5 });
    // A wide tree: kx = (1000 - 48) / 2000 = 0.476.
    const t = fitTransform({ minX: -1000, maxX: 1000, minY: 0, maxY: 100 }, 1000, 500);
    expect(t.k).toBeCloseTo(0.476, 12);
    expect(t.x).toBe(500);
    expect(t.y).toBeCloseTo(250 - 50 * 0.476, 12);
  });

  it('does not divide by zero for a single node and respects the minimum scale', () => {
    expect(fitTransform({ minX: 0, maxX: 0, minY: 0, maxY: 0 }, 400, 300)).toEqual({ k: 1.5, x: 200, y: 150 });
    expect(fitTransform({ minX: 0, maxX: 1e9, minY: 0, maxY: 10 }, 400, 300).k).toBe(0.02);
  });
});
