import type { EvalResult } from '../cwm/types';
import type { CallKind, NodeAction, NodeRecord } from '../run/types';

/** An action slot of a GIF-MCTS node: untried while `child` is null, expanded once it is set. */
export interface Slot {
  kind: CallKind | 'user';
  child: TreeNode | null;
}

/**
 * One node of the search tree, mutable while the search runs (plain records leave through
 * `toNodeRecord`). Baselines use the same node with no slots.
 */
export interface TreeNode {
  id: number;
  parent: TreeNode | null;
  action: NodeAction;
  callId?: number;
  /** The full program this node was generated with (its rollout); '' for the root. */
  program: string;
  /** The node's state: the first `prefixLines` lines of its program. */
  prefix: string;
  prefixLines: number;
  /** The model's critique, parsed from a paper-style improve or fix answer. */
  critique?: string;
  /** The evaluation of `program`; null for the root. */
  result: EvalResult | null;
  visits: number;
  /** Sum of backed-up values; a buggy node holds its temporary value here until its first visit. */
  valueSum: number;
  /** Offers no action (the program ended within its prefix, or its fix chain ran out). */
  terminal: boolean;
  /** The paper's bug flag: set when the program is buggy, cleared once a fix of it is scored. */
  buggy: boolean;
  /** Fixes left in this node's fix chain (the paper's `fixes_left`). */
  fixesLeft: number;
  /** Action slots in creation order (ties in selection are broken over this order). */
  slots: Slot[];
  /** Nothing below can be expanded: terminal, or no untried slot and every child exhausted. */
  exhausted: boolean;
}

/** A node's value: its mean backed-up value, 0 before its first visit (as the paper's code). */
export function nodeValue(node: TreeNode): number {
  return node.visits > 0 ? node.valueSum / node.visits : 0;
}

/** The node's score: the metric of its program (0 for the root and for buggy programs). */
export function nodeScore(node: TreeNode): number {
  return node.result?.score ?? 0;
}

/** The root: the empty program, one visit, and the given slots. */
export function createRoot(slots: Slot[] = []): TreeNode {
  return {
    id: 0,
    parent: null,
    action: 'root',
    program: '',
    prefix: '',
    prefixLines: 0,
    result: null,
    visits: 0,
    valueSum: 0,
    terminal: false,
    buggy: false,
    fixesLeft: 0,
    slots,
    exhausted: false,
  };
}

/** The expanded children of a node, in creation order. */
export function childrenOf(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  for (const s of node.slots) if (s.child) out.push(s.child);
  return out;
}

/**
 * The plain record of a node. `baseline` nodes carry visits 0 and
 * value = score, as the baselines have no tree statistics.
 */
export function toNodeRecord(node: TreeNode, baseline = false): NodeRecord {
  const r = node.result;
  const record: NodeRecord = {
    id: node.id,
    parentId: node.parent ? node.parent.id : null,
    action: node.action,
    program: node.program,
    score: r?.score ?? 0,
    accuracy: r?.accuracy ?? 0,
    breakdown: r ? { ...r.breakdown } : null,
    bug: r?.bug ?? null,
    visits: baseline ? 0 : node.visits,
    value: baseline ? (r?.score ?? 0) : nodeValue(node),
  };
  if (node.callId !== undefined) record.callId = node.callId;
  if (node.critique !== undefined) record.critique = node.critique;
  if (!baseline) {
    record.prefix = node.prefix;
    record.terminal = node.terminal;
  }
  return record;
}
