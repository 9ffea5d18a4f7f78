import type { NodeAction, NodeRecord } from '../../../src/core/run/types';

/** A node record with only what the layout reads set. */
export function node(id: number, parentId: number | null, action: NodeAction, score = 0, extra: Partial<NodeRecord> = {}): NodeRecord {
  return { id, parentId, action, program: '', score, accuracy: score, breakdown: null, bug: null, visits: 0, value: 0, ...extra };
}

/**
 *        0 (root)
 *       / \
 *      1   2 (buggy)
 *     / \    \
 *    3   5    4 (fix, terminal)
 */
export const smallTree: NodeRecord[] = [
  node(0, null, 'root'),
  node(1, 0, 'generate', 0.5),
  node(2, 0, 'generate', 0, { bug: 'TypeError: x is undefined (line 3)' }),
  node(3, 1, 'improve', 0.9),
  node(4, 2, 'fix', 0.3, { terminal: true }),
  node(5, 1, 'generate', 0.4),
];
