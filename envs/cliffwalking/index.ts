import type { EnvPack } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { COLS, CliffWalkingSim } from './sim';
import { spec } from './spec';

/**
 * Cliff Walking pack. The heuristic takes the safe path of Sutton & Barto: climb to the top row,
 * walk right, descend to the goal. One move in ten is random for variety; from the top row it
 * takes three random moves in a row to reach the cliff.
 */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new CliffWalkingSim(),
  heuristicPolicy: (obs, rng) => {
    if (rng.next() < 0.1) return rng.int(4);
    const s = obs as number;
    const row = Math.floor(s / COLS);
    const col = s % COLS;
    if (col === COLS - 1) return 2;
    return row > 0 ? 0 : 1;
  },
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};
