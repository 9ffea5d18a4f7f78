import type { EnvSpec } from '../../src/core/env/types';
import type { LakeVariant } from './maps';

function slipText(slippery: boolean): string {
  if (!slippery) return 'Dynamics are deterministic: the walker always moves in the chosen direction.';
  return `The ice is slippery: the walker moves in the chosen direction with probability 1/3, and in each of the two perpendicular directions with probability 1/3 each (for action a the actual direction is (a - 1) mod 4, a or (a + 1) mod 4, each with probability 1/3; for example "down" may become left, down or right). The program should draw this random choice with Math.random.`;
}

/** The spec of one FrozenLake-v1 variant. */
export function lakeSpec(variant: LakeVariant): EnvSpec {
  const size = variant.map.length;
  const last = size * size - 1;
  return {
    id: variant.id,
    title: variant.title,
    gymId: 'FrozenLake-v1',
    description: `A walker crosses a frozen lake on a ${size}x${size} grid from the start to the goal without falling into a hole.

Map (row 0 at the top, column 0 at the left; S = start, F = frozen ice, H = hole, G = goal):
${variant.map.join('\n')}

State: one integer, the walker's cell, state = row * ${size} + col (0..${last}). The start is state 0 and the goal is state ${last}.

Actions: 0 = left (col - 1), 1 = down (row + 1), 2 = right (col + 1), 3 = up (row - 1). A move off the grid leaves that coordinate at the edge (clamped), so the walker stays in place.

${slipText(variant.slippery)}

After the move: reward is 1 if the new cell is the goal, else 0; done is true if the new cell is a hole or the goal. If the state is already a hole or the goal when step is called, the walker does not move: next state is the same, reward 0, done true.
The episode is cut off after ${variant.episodeLimit} steps by a time limit, which is not part of the dynamics.`,
    observation: { kind: 'discrete', n: size * size },
    action: { kind: 'discrete', n: 4, labels: ['left', 'down', 'right', 'up'] },
    stateComparison: 'exact',
    episodeLimit: variant.episodeLimit,
    planner: 'mcts',
    hasSimulator: true,
    cwmb: false,
    stochastic: variant.slippery,
    keys: { ArrowLeft: 0, ArrowDown: 1, ArrowRight: 2, ArrowUp: 3, a: 0, s: 1, d: 2, w: 3 },
  };
}
