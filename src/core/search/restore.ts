import type { EvalResult, FailureReport } from '../cwm/types';
import type { NodeRecord, RunRecord, StrategyId } from '../run/types';
import { lineCount } from '../prompts/prefix';
import type { TreeNode } from './tree';

/** The parts of an evaluation a NodeRecord does not carry, saved in `record.resume.results`. */
export interface ResultExtra {
  correct: number;
  total: number;
  solved: boolean;
  firstFailure: FailureReport | null;
}

/** What every strategy keeps in `record.resume`. */
export interface CommonResume {
  /** The RNG's four words after the last completed iteration. */
  rng: number[];
  /** Completed iterations (LLM calls that produced a node). */
  iterations: number;
  /** Set once a correct program was found. */
  solved: boolean;
  /** Per node (index = id); null for the root. */
  results: (ResultExtra | null)[];
}

/** The saved extras of an evaluation. */
export function resultExtra(result: EvalResult | null): ResultExtra | null {
  if (!result) return null;
  return { correct: result.correct, total: result.total, solved: result.solved, firstFailure: result.firstFailure };
}

function fail(what: string): never {
  throw new Error(`cannot resume this run: ${what}. Open it read-only, or start a new run with the same settings.`);
}

/** Checks that `record` can be resumed by `strategy` and returns its common resume state. */
export function readCommonResume(record: RunRecord, strategy: StrategyId): CommonResume {
  if (record.strategy !== strategy) fail(`it was made by "${record.strategy}", not "${strategy}"`);
  const r = record.resume as Partial<CommonResume> | undefined;
  if (!r) fail('the record has no resume state (it was exported without it)');
  if (!Array.isArray(r.rng) || r.rng.length !== 4 || !r.rng.every((w) => Number.isInteger(w))) fail('its RNG state is missing or malformed');
  if (!Array.isArray(r.results) || r.results.length !== record.nodes.length) fail('its saved evaluations do not match its nodes');
  if (typeof r.iterations !== 'number') fail('its iteration count is missing');
  record.nodes.forEach((n, i) => {
    if (n.id !== i) fail(`node ${i} has id ${n.id}; nodes must be in creation order`);
    if ((n.parentId === null) !== (i === 0)) fail(`node ${i} has a bad parent`);
  });
  return r as CommonResume;
}

function rebuildResult(node: NodeRecord, extra: ResultExtra | null): EvalResult | null {
  if (!extra) return null;
  return {
    score: node.score,
    accuracy: node.accuracy,
    correct: extra.correct,
    total: extra.total,
    bug: node.bug,
    firstFailure: extra.firstFailure,
    breakdown: node.breakdown ? { ...node.breakdown } : { state: 0, reward: 0, done: 0 },
    solved: extra.solved,
  };
}

/** Tree nodes from a record's nodes (statistics as recorded; strategies refine them). */
export function rebuildNodes(record: RunRecord, resume: CommonResume): TreeNode[] {
  const nodes: TreeNode[] = [];
  for (const n of record.nodes) {
    const parent = n.parentId === null ? null : nodes[n.parentId];
    if (n.parentId !== null && !parent) fail(`node ${n.id} comes before its parent ${n.parentId}`);
    const prefix = n.prefix ?? '';
    nodes.push({
      id: n.id,
      parent,
      action: n.action,
      callId: n.callId,
      program: n.program,
      prefix,
      prefixLines: lineCount(prefix),
      result: rebuildResult(n, resume.results[n.id]),
      visits: n.visits,
      valueSum: n.value * n.visits,
      terminal: n.terminal ?? false,
      buggy: n.bug !== null,
      fixesLeft: 0,
      slots: [],
      exhausted: false,
    });
  }
  return nodes;
}
