import type { EvalResult, FailureReport } from '../cwm/types';
import type { Evaluate } from '../search/types';
import type { NodeRecord, RunRecord } from './types';
import { bestNode } from './path';

interface SavedExtra {
  correct?: number;
  total?: number;
  solved?: boolean;
  firstFailure?: FailureReport | null;
}

/**
 * Scores programs from the record instead of running them: the k-th evaluation answers with the
 * recorded node whose program matches (else the k-th LLM-made node). A replay for a talk thus
 * needs no evaluator and never runs a program, and the search sees exactly the scores it saw.
 * Extras the node lacks (first failure, solved) come from `resume.results` when saved there.
 */
export function recordedEvaluate(record: RunRecord): Evaluate {
  const made = record.nodes.filter((n) => n.action !== 'root' && n.action !== 'user');
  const used = new Set<number>();
  const extras = (record.resume as { results?: (SavedExtra | null)[] } | undefined)?.results ?? [];
  const lastCall = record.calls.length ? record.calls[record.calls.length - 1].id : -1;
  return async (program) => {
    const node = made.find((n) => !used.has(n.id) && n.program === program) ?? made.find((n) => !used.has(n.id));
    if (!node) throw new Error(`The recorded run has ${made.length} scored programs and the replay asked for one more. The replay has gone past the record.`);
    used.add(node.id);
    const extra = extras[node.id] ?? {};
    // Without saved extras, a run that stopped on its best program (not at budget) was solved there.
    const solvedGuess = node.score === 1 || (record.best?.nodeId === node.id && node.callId === lastCall && record.status === 'done');
    const result: EvalResult = {
      score: node.score,
      accuracy: node.accuracy,
      correct: extra.correct ?? 0,
      total: extra.total ?? 0,
      bug: node.bug,
      firstFailure: extra.firstFailure ?? null,
      breakdown: node.breakdown ? { ...node.breakdown } : { state: 0, reward: 0, done: 0 },
      solved: extra.solved ?? solvedGuess,
    };
    return result;
  };
}

/** The record as it stood after its first `count` nodes: the frames of a step-by-step replay. */
export function revealPrefix(record: RunRecord, count: number): RunRecord {
  const nodes = record.nodes.slice(0, Math.max(0, count));
  const lastCall = nodes.reduce((m, n) => Math.max(m, n.callId ?? -1), -1);
  const best = bestNode(nodes);
  return { ...record, nodes, calls: record.calls.filter((c) => c.id <= lastCall), best: best ? { nodeId: best.id, score: best.score } : null };
}

/** Whether a rebuilt node is the recorded one (same place in the tree, same action and score). */
export function sameNode(rebuilt: NodeRecord, recorded: NodeRecord | undefined): boolean {
  return !!recorded && rebuilt.id === recorded.id && rebuilt.parentId === recorded.parentId && rebuilt.action === recorded.action && rebuilt.score === recorded.score;
}
