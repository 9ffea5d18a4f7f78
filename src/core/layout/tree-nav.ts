import type { Bounds, LayoutNode } from './tree-layout';

/** Arrow-key moves in the tree view: up to the parent, down to a child, left/right to a sibling. */
export type TreeMove = 'parent' | 'child' | 'prev' | 'next';

/**
 * The node a keyboard move selects from `fromId`, or `fromId` when there is nowhere to go. With
 * nothing selected (or a stale id) every move lands on the root. "child" takes the middle child,
 * which is the one drawn straight below.
 */
export function moveSelection(nodes: readonly LayoutNode[], fromId: number | null, move: TreeMove): number | null {
  if (nodes.length === 0) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const from = fromId === null ? undefined : byId.get(fromId);
  if (!from) return nodes[0].id;
  if (move === 'parent') return from.parentId !== null && byId.has(from.parentId) ? from.parentId : from.id;
  if (move === 'child') return from.childIds.length ? from.childIds[(from.childIds.length - 1) >> 1] : from.id;
  const parent = from.parentId === null ? undefined : byId.get(from.parentId);
  if (!parent) return from.id;
  const i = parent.childIds.indexOf(from.id);
  const j = move === 'prev' ? i - 1 : i + 1;
  return j >= 0 && j < parent.childIds.length ? parent.childIds[j] : from.id;
}

/** A zoom transform: screen = layout × k + (x, y). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * The transform that fits `bounds` into a `width × height` viewport with `pad` pixels of margin,
 * centred, its scale clamped to [minK, maxK] (a one-node tree would otherwise zoom in forever).
 */
export function fitTransform(bounds: Bounds, width: number, height: number, pad = 24, minK = 0.02, maxK = 1.5): ViewTransform {
  const bw = bounds.maxX - bounds.minX;
  const bh = bounds.maxY - bounds.minY;
  const kx = bw > 0 ? (width - 2 * pad) / bw : Infinity;
  const ky = bh > 0 ? (height - 2 * pad) / bh : Infinity;
  const k = Math.min(maxK, Math.max(minK, Math.min(kx, ky)));
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { k, x: width / 2 - cx * k, y: height / 2 - cy * k };
}
