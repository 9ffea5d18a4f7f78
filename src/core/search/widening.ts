import type { CallKind } from '../run/types';
import type { Slot, TreeNode } from './tree';

/** The actions a freshly expanded node offers: only fix when buggy, else generate and improve. */
export function initialSlots(buggy: boolean, hasFixesLeft: boolean): Slot[] {
  if (buggy) return hasFixesLeft ? [{ kind: 'fix', child: null }] : [];
  return [
    { kind: 'generate', child: null },
    { kind: 'improve', child: null },
  ];
}

/**
 * Progressive widening: once an untried action of a type is selected at a healthy node, a new
 * untried action of the same type is added to it (never under a buggy node).
 */
export function widen(parent: TreeNode, kind: CallKind): void {
  if (parent.buggy) return;
  parent.slots.push({ kind, child: null });
}
