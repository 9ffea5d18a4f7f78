import type { Rng } from '../rng';
import type { CallKind } from '../run/types';
import { expandedCount, localValue } from './local-value';
import { nodeValue, type Slot, type TreeNode } from './tree';
import type { ValueModel } from './value-model';

/** UCT constants (the paper's values: C = 0.1, ε = 1). */
export interface UctParams {
  uctC: number;
  epsilon: number;
}

/** UCT = v + C·sqrt(ln N_parent / (n + ε)). */
export function uct(value: number, n: number, parentVisits: number, p: UctParams): number {
  return value + p.uctC * Math.sqrt(Math.log(parentVisits) / (n + p.epsilon));
}

/** The predicted value of an untried action of `kind` under `parent`, clipped to [0, 1]. */
export function untriedValue(parent: TreeNode, kind: CallKind, model: ValueModel): number {
  const predictor = model.predictors[kind];
  const v = predictor.predict(predictor.globalValue(), localValue(parent, kind));
  return Math.min(1, Math.max(0, v));
}

/**
 * The UCT score of one slot: a visited child uses its mean value and visit count; an untried
 * action uses its predicted value and the number of already expanded siblings of its type.
 * Null for slots that cannot be chosen (an exhausted child).
 */
export function slotScore(parent: TreeNode, slot: Slot, model: ValueModel, p: UctParams): number | null {
  if (slot.child) return slot.child.exhausted ? null : uct(nodeValue(slot.child), slot.child.visits, parent.visits, p);
  if (slot.kind === 'user') return null;
  return uct(untriedValue(parent, slot.kind, model), expandedCount(parent, slot.kind), parent.visits, p);
}

/** Where selection stopped: the node to expand and which of its untried slots. */
export interface Selection {
  /** Root … parent, the nodes whose visits the new child's backup updates. */
  path: TreeNode[];
  parent: TreeNode;
  slot: Slot;
}

/**
 * Descends from the root by UCT until an untried action is chosen. Exact ties break by the
 * seeded RNG (one draw only when there is a tie). Nothing in the tree changes here, so a failed
 * LLM call leaves the tree as it was.
 */
export function select(root: TreeNode, model: ValueModel, p: UctParams, rng: Rng): Selection {
  const path: TreeNode[] = [];
  let node = root;
  for (;;) {
    path.push(node);
    let bestScore = -Infinity;
    let best: Slot[] = [];
    for (const slot of node.slots) {
      const score = slotScore(node, slot, model, p);
      if (score === null) continue;
      if (score > bestScore) {
        bestScore = score;
        best = [slot];
      } else if (score === bestScore) {
        best.push(slot);
      }
    }
    if (best.length === 0) throw new Error(`search tree exhausted at node ${node.id}: no action left to try`);
    const slot = best.length === 1 ? best[0] : best[rng.int(best.length)];
    if (!slot.child) return { path, parent: node, slot };
    node = slot.child;
  }
}
