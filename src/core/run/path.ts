import type { NodeRecord, RunRecord } from './types';

/** Node ids from the root down to `nodeId` (inclusive), or [] when there is no such node. */
export function pathTo(record: RunRecord, nodeId: number): number[] {
  const byId = new Map(record.nodes.map((n) => [n.id, n]));
  const path: number[] = [];
  let node = byId.get(nodeId);
  // Bounded by the node count: a validated record cannot cycle, but a live one is not validated.
  while (node && path.length <= record.nodes.length) {
    path.push(node.id);
    node = node.parentId === null ? undefined : byId.get(node.parentId);
  }
  return path.reverse();
}

/** The first node with the strictly highest score (the paper's "best"), or null. */
export function bestNode(nodes: readonly NodeRecord[]): NodeRecord | null {
  let best: NodeRecord | null = null;
  for (const n of nodes) if (n.action !== 'root' && (!best || n.score > best.score)) best = n;
  return best;
}

/**
 * A copy of the record keeping only the nodes in `keep` (ids) and the calls that made them; `best`
 * is recomputed when its node is dropped. The root and every ancestor must be in `keep`.
 */
export function keepNodes(record: RunRecord, keep: ReadonlySet<number>): RunRecord {
  const nodes = record.nodes.filter((n) => keep.has(n.id));
  const callIds = new Set(nodes.map((n) => n.callId).filter((id): id is number => id !== undefined));
  const calls = record.calls.filter((c) => callIds.has(c.id));
  const kept = record.best && keep.has(record.best.nodeId) ? record.best : null;
  const best = kept ?? (bestNode(nodes) ? { nodeId: bestNode(nodes)!.id, score: bestNode(nodes)!.score } : null);
  return { ...structuredCopy(record), nodes: structuredCopy(nodes), calls: structuredCopy(calls), best };
}

/** A plain deep copy of JSON data. */
export function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
