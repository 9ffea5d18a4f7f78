import type { RunRecord } from './types';
import { keepNodes, pathTo } from './path';

/** The steps of trimming a record for a link, mildest first; each applies on top of the last. */
export const TRIM_STEPS = ['prompts', 'best-path', 'completions'] as const;
export type TrimStep = (typeof TRIM_STEPS)[number];

/**
 * Drops the parts of a record a link can live without, up to `step`: `prompts` empties every call's
 * messages (the program of each node stays, prompts can be rebuilt from it); `best-path` keeps only
 * the root-to-best path and its calls; `completions` also drops the raw completions (each node's
 * program is what the model's code became). The resume state goes too: a trimmed run is for viewing
 * and forking, not for resuming exactly. The record says what was trimmed in `trimmed`.
 */
export function trimRecord(record: RunRecord, step: TrimStep): RunRecord {
  const level = TRIM_STEPS.indexOf(step);
  let out: RunRecord = level >= 1 && record.best ? keepNodes(record, new Set(pathTo(record, record.best.nodeId))) : keepNodes(record, new Set(record.nodes.map((n) => n.id)));
  out = {
    ...out,
    calls: out.calls.map((c) => ({ ...c, messages: [], completion: level >= 2 ? '' : c.completion })),
    trimmed: { step, nodes: record.nodes.length, calls: record.calls.length },
  };
  delete out.resume;
  return out;
}
