import type { Obs } from '../../src/core/env/types';
import { STANDS, decode, move } from './sim';

/** The first move action (0..3) of a shortest path from (row, col) to (toRow, toCol), by BFS. */
function firstMove(row: number, col: number, toRow: number, toCol: number): number {
  const first = new Map<number, number>([[row * 5 + col, -1]]);
  const queue = [row * 5 + col];
  for (let i = 0; i < queue.length; i++) {
    const cell = queue[i];
    if (cell === toRow * 5 + toCol) return first.get(cell) ?? 0;
    for (let a = 0; a < 4; a++) {
      const [r, c] = move(Math.floor(cell / 5), cell % 5, a);
      const next = r * 5 + c;
      if (first.has(next)) continue;
      first.set(next, cell === queue[0] ? a : (first.get(cell) as number));
      queue.push(next);
    }
  }
  return 0;
}

/** Greedy taxi driver: the shortest way to the passenger, pick up, the shortest way to the destination, drop off. */
export function taxiPolicy(obs: Obs): number {
  const s = decode(obs as number);
  const [toRow, toCol] = STANDS[s.passenger === 4 ? s.destination : s.passenger];
  if (s.row === toRow && s.col === toCol) return s.passenger === 4 ? 5 : 4;
  return firstMove(s.row, s.col, toRow, toCol);
}
