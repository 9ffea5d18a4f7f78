import { nodeValue, type TreeNode } from './tree';

/**
 * Backs up a new leaf along its search path with γ (1 by default): every node gains a visit and
 * the value; a terminal leaf stores 0 and passes its score up as its reward (the paper's
 * reward/value split). A buggy leaf backs up visits only: each node adds its own current mean,
 * which leaves means unchanged and turns the leaf's temporary value into its mean.
 */
export function backup(path: readonly TreeNode[], leaf: TreeNode, score: number, gamma: number, visitsOnly: boolean): void {
  const nodes = [...path, leaf];
  let value = leaf.terminal ? 0 : score;
  let reward = leaf.terminal ? score : 0;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    node.valueSum += visitsOnly ? nodeValue(node) : value;
    node.visits += 1;
    value = reward + gamma * value;
    reward = 0;
  }
}
