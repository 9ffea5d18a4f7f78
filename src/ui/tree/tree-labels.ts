import type { NodeRecord } from '../../core/run/types';
import type { LayoutNode, TreeMove } from '../../core/layout';
import { formatScore } from '../run/format';

/** Arrow keys of the tree viewport and the selection move each one makes. */
export const KEY_MOVES: Record<string, TreeMove> = { ArrowUp: 'parent', ArrowDown: 'child', ArrowLeft: 'prev', ArrowRight: 'next' };

/** What a screen reader says for a node: its id, action, score and marks. */
export function describeNode(n: LayoutNode): string {
  const state = n.buggy ? ', buggy' : n.terminal ? ', terminal' : '';
  return `node ${n.id}, ${n.action}, score ${formatScore(n.score)}${state}${n.onBestPath ? ', on best path' : ''}`;
}

/**
 * How many programs a run has: every node but the root, which holds the empty program the search
 * starts from. The tab badge and the tree toolbar both show this number, so they agree.
 */
export function programCount(nodes: readonly Pick<NodeRecord, 'action'>[]): number {
  return nodes.filter((n) => n.action !== 'root').length;
}

/** "1 program", "3 programs". */
export function programsLabel(count: number): string {
  return `${count} program${count === 1 ? '' : 's'}`;
}
