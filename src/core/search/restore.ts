import type { EvalResult, FailureReport } from '../cwm/types';
import type { NodeRecord, RunRecord, StrategyId } from '../run/types';
import { lineCount } from '../prompts/prefix';
import { PROTOCOLS, recordProtocol } from '../protocol/protocols';
import { Rng } from '../rng';
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
  /** Per node, in the order of `record.nodes` (index = id unless a fork skipped ids); null for the root. */
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
  checkOrder(record);
  return r as CommonResume;
}

/**
 * Nodes must come in creation order: the root first, ids growing (a fork keeps its path's ids, so
 * they may skip numbers), every parent before its children.
 */
function checkOrder(record: RunRecord): void {
  const seen = new Set<number>();
  let last = -1;
  record.nodes.forEach((n, i) => {
    if ((n.parentId === null) !== (i === 0)) fail(`node ${n.id} has a bad parent`);
    if (!Number.isInteger(n.id) || n.id <= last) fail(`node ${n.id} comes after node ${last}; nodes must be in creation order`);
    if (n.parentId !== null && !seen.has(n.parentId)) fail(`node ${n.id} comes before its parent ${n.parentId}`);
    seen.add(n.id);
    last = n.id;
  });
}

/**
 * The common state of a record without `resume` (a fork, or a record from elsewhere): a fork
 * continues with statistics rebuilt from its nodes; it does not replay the original RNG. The RNG
 * starts from `Rng.seeded(record.seed)` (its old position is unknown), every successful call so
 * far counts against the budget, and evaluation extras are derived from the node (the transition
 * counts are unknown, so `correct` and `total` are 0; a bug-free node with accuracy 1 is solved, or,
 * under the paper protocol's stop rule, one with score exactly 1).
 * Node ids may skip numbers (a fork keeps its path's ids) but must grow in creation order.
 */
export function freshCommonResume(record: RunRecord, strategy: StrategyId): CommonResume {
  if (record.strategy !== strategy) fail(`it was made by "${record.strategy}", not "${strategy}"`);
  if (record.nodes[0]?.parentId !== null) fail('it has no root node, so there is nothing to continue from');
  checkOrder(record);
  const scoreOne = PROTOCOLS[recordProtocol(record)].stopRule === 'score-one';
  const results = record.nodes.map((n) => (n.parentId === null ? null : { correct: 0, total: 0, solved: n.bug === null && (scoreOne ? n.score === 1 : n.accuracy >= 1), firstFailure: null }));
  return {
    rng: Rng.seeded(record.seed)
      .state()
      .map((w) => w >>> 0),
    iterations: record.calls.filter((c) => !c.error).length,
    solved: results.some((r) => r?.solved === true),
    results,
  };
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
  // By id: a fork's ids skip the nodes it left out.
  const byId = new Map<number, TreeNode>();
  for (const [i, n] of record.nodes.entries()) {
    const parent = n.parentId === null ? null : (byId.get(n.parentId) ?? null);
    if (n.parentId !== null && !parent) fail(`node ${n.id} comes before its parent ${n.parentId}`);
    const prefix = n.prefix ?? '';
    nodes.push({
      id: n.id,
      parent,
      action: n.action,
      callId: n.callId,
      ...(n.critique !== undefined ? { critique: n.critique } : {}),
      program: n.program,
      prefix,
      prefixLines: lineCount(prefix),
      result: rebuildResult(n, resume.results[i]),
      visits: n.visits,
      valueSum: n.value * n.visits,
      terminal: n.terminal ?? false,
      buggy: n.bug !== null,
      fixesLeft: 0,
      slots: [],
      exhausted: false,
    });
    byId.set(n.id, nodes[nodes.length - 1]);
  }
  return nodes;
}
