import type { TreeNode } from './tree';

/** Whether nothing under `node` can be expanded any more. */
export function isExhausted(node: TreeNode): boolean {
  if (node.terminal) return true;
  for (const slot of node.slots) {
    if (!slot.child) {
      if (slot.kind !== 'user') return false;
    } else if (!slot.child.exhausted) {
      return false;
    }
  }
  return true;
}

/**
 * Refreshes the `exhausted` flags of a new leaf and its ancestors, bottom-up. Selection skips
 * exhausted children: a terminal node offers no action, so the search
 * never spends a call on it (the paper's code would re-expand a terminal node it selects).
 */
export function refreshExhausted(leaf: TreeNode): void {
  for (let node: TreeNode | null = leaf; node; node = node.parent) node.exhausted = isExhausted(node);
}
