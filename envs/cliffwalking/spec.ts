import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** CliffWalking-v0 as in Gymnasium 0.29.1: deterministic, no time limit. */
export const spec: EnvSpec = {
  id: 'cliffwalking',
  title: 'Cliff Walking',
  gymId: 'CliffWalking-v0',
  paperDescription,
  description: `A walker crosses a 4-row by 12-column grid whose bottom edge is a cliff.

State: one integer, the walker's cell, numbered row by row: state = row * 12 + col, with row 0 at the top and row 3 at the bottom, col 0 at the left. So the top row is 0..11 and the bottom row is 36..47.

Layout: the start is the bottom-left cell (row 3, col 0) = state 36. The goal is the bottom-right cell (row 3, col 11) = state 47. The cells between them on the bottom row, (row 3, cols 1..10) = states 37..46, are the cliff.

Actions: 0 = up (row - 1), 1 = right (col + 1), 2 = down (row + 1), 3 = left (col - 1). A move that would leave the grid keeps that coordinate at the edge (clamped), so bumping into a border leaves the walker where it was.

Dynamics are deterministic. Compute the target cell of the move (after clamping):
- if the target is a cliff cell, the walker falls and is sent back to the start: next state 36, reward -100, and the episode does NOT end (done is false);
- otherwise the walker moves to the target: reward -1, and done is true exactly when the target is the goal (47).
Every step therefore costs -1 except a fall, which costs -100. The same rule applies from any cell, including cliff or goal cells if the state is set there. There is no time limit.`,
  observation: { kind: 'discrete', n: 48 },
  action: { kind: 'discrete', n: 4, labels: ['up', 'right', 'down', 'left'] },
  stateComparison: 'exact',
  episodeLimit: null,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: true,
  keys: { ArrowUp: 0, ArrowRight: 1, ArrowDown: 2, ArrowLeft: 3, w: 0, d: 1, s: 2, a: 3 },
};
