import type { EnvPack } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { BlackjackSim } from './sim';
import { spec } from './spec';

/** Blackjack pack: the heuristic hits below 17 and sticks from 17 up, as a dealer would. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new BlackjackSim(),
  heuristicPolicy: (obs) => ((obs as number[])[0] >= 17 ? 0 : 1),
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};
