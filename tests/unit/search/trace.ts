import type { RunRecord } from '../../../src/core/run/types';
import type { SearchEvent } from '../../../src/core/search/types';

/** The actions taken, one per completed call: `kind@parent→child`. */
export function actionTrace(events: SearchEvent[]): string[] {
  const out: string[] = [];
  let pending: { kind: string; parentId: number } | null = null;
  for (const e of events) {
    if (e.type === 'call-start') pending = { kind: e.kind, parentId: e.parentId };
    if (e.type === 'node' && pending && e.node.action !== 'user') {
      out.push(`${pending.kind}@${pending.parentId}→${e.node.id}`);
      pending = null;
    }
  }
  return out;
}

/** Each node as `id action parent visits value terminal`, values rounded to 6 places. */
export function treeTable(record: RunRecord): string[] {
  return record.nodes.map((n) => `${n.id} ${n.action} p${n.parentId ?? '-'} n=${n.visits} v=${round(n.value)} s=${n.score}${n.terminal ? ' T' : ''}${n.bug ? ' BUG' : ''}`);
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
