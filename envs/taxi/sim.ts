import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

/** Gymnasium's Taxi map; a ':' to the side of a cell lets the taxi pass, a '|' does not. */
export const MAP = ['+---------+', '|R: | : :G|', '| : | : : |', '| : : : : |', '| | : | : |', '|Y| : |B: |', '+---------+'];

/** Stands R, G, Y, B as [row, col]. */
export const STANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, 4],
  [4, 0],
  [4, 3],
];

/** A decoded Taxi state. */
export interface TaxiState {
  row: number;
  col: number;
  passenger: number;
  destination: number;
}

/** ((row*5+col)*5+passenger)*4+destination, as Gymnasium encodes it. */
export function encode({ row, col, passenger, destination }: TaxiState): number {
  return ((row * 5 + col) * 5 + passenger) * 4 + destination;
}

/** The inverse of `encode`. */
export function decode(state: number): TaxiState {
  return { row: Math.floor(state / 100), col: Math.floor(state / 20) % 5, passenger: Math.floor(state / 4) % 5, destination: state % 4 };
}

/** The cell a move action (0..3) leads to from (row, col), walls and borders included. */
export function move(row: number, col: number, action: number): [number, number] {
  if (action === 0) return [Math.min(row + 1, 4), col];
  if (action === 1) return [Math.max(row - 1, 0), col];
  if (action === 2 && MAP[1 + row][2 * col + 2] === ':') return [row, Math.min(col + 1, 4)];
  if (action === 3 && MAP[1 + row][2 * col] === ':') return [row, Math.max(col - 1, 0)];
  return [row, col];
}

function standAt(row: number, col: number): number {
  return STANDS.findIndex(([r, c]) => r === row && c === col);
}

/** Reference Taxi-v3 (Gymnasium 0.29.1), including its drop-off at a wrong stand. */
export class TaxiSim implements Simulator {
  private state = 0;

  setState(state: Obs): void {
    this.state = state as number;
  }

  step(action: Action): [Obs, number, boolean] {
    const s = decode(this.state);
    const a = action as number;
    let reward = -1;
    let done = false;
    if (a < 4) [s.row, s.col] = move(s.row, s.col, a);
    else if (a === 4) {
      if (s.passenger < 4 && standAt(s.row, s.col) === s.passenger) s.passenger = 4;
      else reward = -10;
    } else {
      const stand = standAt(s.row, s.col);
      if (s.passenger === 4 && stand === s.destination) {
        s.passenger = s.destination;
        reward = 20;
        done = true;
      } else if (s.passenger === 4 && stand >= 0) s.passenger = stand;
      else reward = -10;
    }
    this.state = encode(s);
    return [this.state, reward, done];
  }

  reset(rng: Rng): Obs {
    // Gymnasium starts uniformly among the 300 states with the passenger waiting at a stand
    // other than the destination.
    const k = rng.int(300);
    const cell = Math.floor(k / 12);
    const passenger = Math.floor((k % 12) / 3);
    const others = [0, 1, 2, 3].filter((d) => d !== passenger);
    this.state = encode({ row: Math.floor(cell / 5), col: cell % 5, passenger, destination: others[k % 3] });
    return this.state;
  }
}
