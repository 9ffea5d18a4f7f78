import type { Obs } from '../../src/core/env/types';
import { tileAt } from './maps';
import { outcomes, slide } from './sim';

/**
 * The greedy policy of value iteration on the known map (γ = 0.99): on ice without slips it walks
 * a shortest path to the goal; on slippery ice it also avoids moves that may slide into a hole.
 */
export function lakePolicy(map: readonly string[], slippery: boolean): (obs: Obs) => number {
  const n = map.length * map.length;
  const q = (values: number[], s: number, a: number): number =>
    outcomes(a, slippery).reduce((sum, [dir, p]) => {
      const next = slide(map, s, dir);
      const tile = tileAt(map, next);
      return sum + p * (tile === 'G' ? 1 : tile === 'H' ? 0 : 0.99 * values[next]);
    }, 0);
  let values = new Array<number>(n).fill(0);
  for (let sweep = 0; sweep < 500; sweep++) {
    values = values.map((_, s) => ('GH'.includes(tileAt(map, s)) ? 0 : Math.max(...[0, 1, 2, 3].map((a) => q(values, s, a)))));
  }
  const best = values.map((_, s) => {
    const qs = [0, 1, 2, 3].map((a) => q(values, s, a));
    return qs.indexOf(Math.max(...qs));
  });
  return (obs) => best[obs as number];
}
