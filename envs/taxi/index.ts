import type { EnvPack } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { taxiPolicy } from './policy';
import { TaxiSim } from './sim';
import { spec } from './spec';

/** Taxi pack: the heuristic drives shortest paths to the passenger, then to the destination. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new TaxiSim(),
  heuristicPolicy: (obs) => taxiPolicy(obs),
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};
