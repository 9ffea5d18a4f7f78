import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

/** Grid size, start, goal and cliff of Gymnasium's CliffWalking-v0. */
export const ROWS = 4;
export const COLS = 12;
export const START = 36;
export const GOAL = 47;

/** Row and column offsets of the actions up, right, down, left. */
const MOVES: ReadonlyArray<readonly [number, number]> = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

/** True for the cliff cells: the bottom row between start and goal. */
export function isCliff(state: number): boolean {
  return state > START && state < GOAL;
}

/** Reference CliffWalking-v0 (Gymnasium 0.29.1): a fall returns to the start without ending the episode. */
export class CliffWalkingSim implements Simulator {
  private state = START;

  setState(state: Obs): void {
    this.state = state as number;
  }

  step(action: Action): [Obs, number, boolean] {
    const [dr, dc] = MOVES[action as number];
    const row = Math.min(Math.max(Math.floor(this.state / COLS) + dr, 0), ROWS - 1);
    const col = Math.min(Math.max((this.state % COLS) + dc, 0), COLS - 1);
    const target = row * COLS + col;
    if (isCliff(target)) {
      this.state = START;
      return [START, -100, false];
    }
    this.state = target;
    return [target, -1, target === GOAL];
  }

  reset(_rng: Rng): Obs {
    this.state = START;
    return START;
  }
}
