import type { CallKind, RunRecord } from '../run/types';

/** The chart point of one LLM call: the score of the node it produced and the best so far. */
export interface ProgressPoint {
  /** 1-based position of the call in the run. */
  call: number;
  callId: number;
  kind: CallKind;
  /** Score of the node this call produced; null when the call failed or produced no node. */
  score: number | null;
  /** Highest score among nodes produced by this call and the ones before it (0 before any). */
  best: number;
  nodeId: number | null;
}

/**
 * Best and current score per LLM call, in call order. User-written nodes use no call, so they do
 * not appear; the chart tells the story of the model's budget.
 */
export function progressSeries(record: Pick<RunRecord, 'calls' | 'nodes'> | null): ProgressPoint[] {
  if (!record) return [];
  const byCall = new Map<number, { id: number; score: number }>();
  for (const n of record.nodes) if (n.callId !== undefined && !byCall.has(n.callId)) byCall.set(n.callId, { id: n.id, score: n.score });
  let best = 0;
  return record.calls.map((c, i) => {
    const node = byCall.get(c.id);
    const score = node && Number.isFinite(node.score) ? node.score : null;
    if (score !== null && score > best) best = score;
    return { call: i + 1, callId: c.id, kind: c.kind, score, best, nodeId: node?.id ?? null };
  });
}
