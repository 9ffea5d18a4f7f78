import { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';
import { tileAt } from './maps';

/** Row and column offsets of the actions left, down, right, up. */
const MOVES: ReadonlyArray<readonly [number, number]> = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];

/** The cell reached from `state` by moving in direction `dir` (0..3), clamped to the grid. */
export function slide(map: readonly string[], state: number, dir: number): number {
  const size = map.length;
  const row = Math.min(Math.max(Math.floor(state / size) + MOVES[dir][0], 0), size - 1);
  const col = Math.min(Math.max((state % size) + MOVES[dir][1], 0), size - 1);
  return row * size + col;
}

/** The directions an action may turn into and their probabilities, in Gymnasium's order. */
export function outcomes(action: number, slippery: boolean): Array<[number, number]> {
  if (!slippery) return [[action, 1]];
  return [(action + 3) % 4, action, (action + 1) % 4].map((dir) => [dir, 1 / 3]);
}

/** Reference FrozenLake-v1 (Gymnasium 0.29.1) on a fixed map, slippery or not. */
export class FrozenLakeSim implements Simulator {
  private state = 0;

  /** `rng` draws the slips until the next `reset`, which adopts the episode's generator. */
  constructor(
    private readonly map: readonly string[],
    private readonly slippery: boolean,
    private rng: Rng = Rng.seeded(0),
  ) {}

  setState(state: Obs): void {
    this.state = state as number;
  }

  step(action: Action): [Obs, number, boolean] {
    // Holes and the goal are absorbing in Gymnasium's transition table.
    if ('GH'.includes(tileAt(this.map, this.state))) return [this.state, 0, true];
    const options = outcomes(action as number, this.slippery);
    // Gymnasium's categorical_sample: the first outcome whose cumulative probability exceeds u.
    const u = this.slippery ? this.rng.next() : 0;
    let acc = 0;
    let dir = options[options.length - 1][0];
    for (const [d, p] of options) {
      acc += p;
      if (acc > u) {
        dir = d;
        break;
      }
    }
    this.state = slide(this.map, this.state, dir);
    const tile = tileAt(this.map, this.state);
    return [this.state, tile === 'G' ? 1 : 0, tile === 'G' || tile === 'H'];
  }

  reset(rng: Rng): Obs {
    this.rng = rng;
    this.state = 0;
    return 0;
  }
}
