import { nodeValue, type TreeNode } from './tree';

/**
 * The fix chain of a buggy parent: the parent, its fix ancestors, and the first non-fix ancestor
 * above them (the paper's `check_for_bugs`).
 */
export function fixChain(parent: TreeNode): TreeNode[] {
  const chain: TreeNode[] = [];
  let node: TreeNode | null = parent;
  while (node && node.action === 'fix') {
    chain.push(node);
    node = node.parent;
  }
  if (node) chain.push(node);
  return chain;
}

/**
 * Temporary value of a buggy node with `fixesLeft` fixes left: evenly spaced from 0 (none left)
 * to `bugValue` (all `maxFixes` left), i.e. 0.99 → 0.66 → 0.33 → 0 with the defaults.
 */
export function bugValue(fixesLeft: number, maxFixes: number, top: number): number {
  if (maxFixes <= 0) return 0;
  // As numpy's linspace(0, top, maxFixes + 1): i·step, with the last value exactly `top`.
  return fixesLeft >= maxFixes ? top : fixesLeft * (top / maxFixes);
}

/**
 * After a fix of a buggy `parent` produced `child` (already backed up): a successful fix gives
 * the whole chain the child's value; a failed one gives it the stepped-down temporary value,
 * and with no fixes left makes the chain terminal at 0. Values are set as value × visits so each
 * node's mean becomes exactly that value.
 */
export function applyFixChain(parent: TreeNode, child: TreeNode, maxFixes: number, top: number): void {
  if (!parent.buggy) return;
  const chain = fixChain(parent);
  if (!child.buggy) {
    const v = nodeValue(child);
    for (const node of chain) {
      node.valueSum = v * node.visits;
      node.buggy = false;
    }
    return;
  }
  const v = bugValue(child.fixesLeft, maxFixes, top);
  for (const node of chain) {
    node.valueSum = v * node.visits;
    node.buggy = false;
    if (child.fixesLeft === 0) {
      node.valueSum = 0;
      node.terminal = true;
    }
  }
}
