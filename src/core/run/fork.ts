import type { RunRecord } from './types';
import { keepNodes, pathTo } from './path';

/**
 * "Fork from this node": a new run holding the path from the root to `nodeId` (ids, programs,
 * scores and the calls that made them unchanged), paused and ready to resume with the same
 * strategy, settings and seed. The exact resume state is dropped because the fork's tree differs
 * from the one it described: a fork continues with statistics rebuilt from its nodes (see
 * `freshCommonResume` in core/search/restore.ts); it does not replay the original RNG.
 * Returns null when the record has no node `nodeId`.
 */
export function forkFromNode(record: RunRecord, nodeId: number, createdAt: string): RunRecord | null {
  const path = pathTo(record, nodeId);
  if (path.length === 0) return null;
  const fork = keepNodes(record, new Set(path));
  delete fork.resume;
  delete fork.trimmed;
  fork.createdAt = createdAt;
  fork.status = 'paused';
  fork.name = `${record.name ?? record.env.id} · fork at node ${nodeId}`;
  fork.forkedFrom = { createdAt: record.createdAt, nodeId, ...(record.name ? { name: record.name } : {}) };
  return fork;
}
