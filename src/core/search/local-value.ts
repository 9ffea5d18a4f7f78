import type { CallKind } from '../run/types';
import { nodeValue, type TreeNode } from './tree';

/**
 * v_L: the mean current value of `parent`'s expanded children of one type, or null when it has
 * none. An unvisited child counts at 0 (a buggy one reaches its temporary value on its first
 * visit), exactly as the paper's `value()`.
 */
export function localValue(parent: TreeNode, kind: CallKind): number | null {
  let sum = 0;
  let n = 0;
  for (const slot of parent.slots) {
    if (slot.kind !== kind || !slot.child) continue;
    sum += nodeValue(slot.child);
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** Number of `parent`'s expanded children of one type (the n of an untried action in UCT). */
export function expandedCount(parent: TreeNode, kind: CallKind | 'user'): number {
  let n = 0;
  for (const slot of parent.slots) if (slot.kind === kind && slot.child) n++;
  return n;
}
