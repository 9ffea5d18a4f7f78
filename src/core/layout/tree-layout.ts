import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { NodeAction, NodeRecord } from '../run/types';

/** One-letter glyph of each action, drawn inside a tree node (root R, user U). */
export const ACTION_GLYPH: Record<NodeAction, string> = {
  root: 'R',
  generate: 'G',
  improve: 'I',
  fix: 'F',
  user: 'U',
};

/** A node of the search tree with its position, ready to draw. */
export interface LayoutNode {
  id: number;
  parentId: number | null;
  /** Horizontal position (siblings spread along x). */
  x: number;
  /** Vertical position: depth × level gap, root at 0. */
  y: number;
  depth: number;
  action: NodeAction;
  glyph: string;
  score: number;
  buggy: boolean;
  terminal: boolean;
  onBestPath: boolean;
  /** Children ids, left to right (creation order). */
  childIds: number[];
}

/** A parent → child edge with both end points. */
export interface LayoutLink {
  source: number;
  target: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  onBestPath: boolean;
}

/** The smallest box holding every node centre. */
export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Positioned nodes and links of a run's tree, plus the best path (root → best node). */
export interface TreeLayout {
  /** Nodes in creation order (the record's order), unreachable ones left out. */
  nodes: LayoutNode[];
  links: LayoutLink[];
  bounds: Bounds;
  bestPath: number[];
  /** Nodes whose parent is missing or not reachable from the root: not drawn. */
  dropped: number;
}

/** Spacing of the layout, in layout units (CSS pixels at zoom 1). */
export interface LayoutOptions {
  /** Horizontal distance between adjacent siblings. */
  nodeGap: number;
  /** Vertical distance between depths. */
  levelGap: number;
}

/** Defaults: a 28 px sibling gap fits a 9 px radius node and its glyph; 64 px between levels. */
export const DEFAULT_LAYOUT: LayoutOptions = { nodeGap: 28, levelGap: 64 };

type Datum = { node: NodeRecord; children: Datum[] };

/**
 * Lays out a run's nodes as a top-down tidy tree (Reingold–Tilford via d3-hierarchy). The root is
 * the first node without a parent; children keep creation order. Nodes that cannot be reached from
 * the root (a malformed record) are counted in `dropped` instead of throwing.
 */
export function layoutTree(nodes: readonly NodeRecord[], best: { nodeId: number } | null, options: LayoutOptions = DEFAULT_LAYOUT): TreeLayout {
  const empty: TreeLayout = { nodes: [], links: [], bounds: { minX: 0, maxX: 0, minY: 0, maxY: 0 }, bestPath: [], dropped: nodes.length };
  const rootRecord = nodes.find((n) => n.parentId === null);
  if (!rootRecord) return empty;

  const data = new Map<number, Datum>();
  for (const n of nodes) if (!data.has(n.id)) data.set(n.id, { node: n, children: [] });
  for (const n of nodes) {
    const d = data.get(n.id)!;
    if (d.node !== n || n.parentId === null) continue; // duplicate id or a root
    data.get(n.parentId)?.children.push(d);
  }

  const root = tree<Datum>()
    .nodeSize([options.nodeGap, options.levelGap])
    // Cousins get a little more room than siblings so subtrees read as groups.
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(hierarchy(data.get(rootRecord.id)!, (d) => d.children));

  const placed = new Map<number, HierarchyPointNode<Datum>>();
  root.each((h) => placed.set(h.data.node.id, h));

  const bestPath = best ? pathToRoot(best.nodeId, placed) : [];
  const onPath = new Set(bestPath);

  const out: LayoutNode[] = [];
  const links: LayoutLink[] = [];
  const bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const n of nodes) {
    const h = placed.get(n.id);
    if (!h || h.data.node !== n) continue;
    const x = h.x;
    const y = h.depth * options.levelGap;
    out.push({
      id: n.id,
      parentId: n.parentId,
      x,
      y,
      depth: h.depth,
      action: n.action,
      glyph: ACTION_GLYPH[n.action] ?? '?',
      score: n.score,
      buggy: n.bug !== null,
      terminal: n.terminal === true,
      onBestPath: onPath.has(n.id),
      childIds: (h.children ?? []).map((c) => c.data.node.id),
    });
    bounds.minX = Math.min(bounds.minX, x);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxY = Math.max(bounds.maxY, y);
    if (h.parent) {
      links.push({
        source: h.parent.data.node.id,
        target: n.id,
        x1: h.parent.x,
        y1: h.parent.depth * options.levelGap,
        x2: x,
        y2: y,
        onBestPath: onPath.has(n.id) && onPath.has(h.parent.data.node.id),
      });
    }
  }
  return { nodes: out, links, bounds, bestPath, dropped: nodes.length - out.length };
}

/** Ids from the root down to `id`, or [] when `id` was not placed. */
function pathToRoot(id: number, placed: Map<number, HierarchyPointNode<Datum>>): number[] {
  const path: number[] = [];
  for (let h = placed.get(id); h; h = h.parent ?? undefined) path.push(h.data.node.id);
  return path.reverse();
}

/**
 * The same layout with another vertical gap between depths. A search tree is usually far wider
 * than deep; stretching the levels lets "fit" use the viewport's height instead of drawing a line.
 */
export function withLevelGap(layout: TreeLayout, levelGap: number): TreeLayout {
  const nodes = layout.nodes.map((n) => ({ ...n, y: n.depth * levelGap }));
  const depthOf = new Map(layout.nodes.map((n) => [n.id, n.depth]));
  const links = layout.links.map((l) => ({ ...l, y1: depthOf.get(l.source)! * levelGap, y2: depthOf.get(l.target)! * levelGap }));
  const maxDepth = nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const bounds = nodes.length ? { ...layout.bounds, minY: 0, maxY: maxDepth * levelGap } : layout.bounds;
  return { ...layout, nodes, links, bounds };
}

/**
 * The level gap that gives the tree roughly the viewport's aspect ratio: never below `minGap`
 * (levels stay readable) nor above `maxGap` (zoomed in, a level still fits on screen with its parent).
 */
export function levelGapFor(layout: TreeLayout, width: number, height: number, minGap = DEFAULT_LAYOUT.levelGap, maxGap = 6 * DEFAULT_LAYOUT.levelGap): number {
  const depth = layout.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const span = layout.bounds.maxX - layout.bounds.minX;
  if (depth === 0 || width <= 0 || height <= 0) return minGap;
  const gap = (span * (height / width)) / depth;
  return Math.min(maxGap, Math.max(minGap, gap));
}
